package hotline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds hotline.yaml to {@link HotlineConfig}. Keys are kebab-case, unknown keys are
 * errors, and every error names the file, line, column and key path.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new SimpleModule("durations").addDeserializer(Duration.class, new DurationReader()));

    private ConfigLoader() {}

    public static HotlineConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        return parse(file.toString(), text);
    }

    static HotlineConfig parse(String fileName, String yaml) {
        try {
            HotlineConfig config = YAML.readValue(yaml, HotlineConfig.class);
            return config == null ? HotlineConfig.defaults() : config;
        } catch (JsonMappingException e) {
            throw new ConfigException(List.of(describe(fileName, e)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(where(fileName, e.getLocation()) + "not valid YAML: "
                    + e.getOriginalMessage()));
        }
    }

    private static String describe(String fileName, JsonMappingException e) {
        String path = keyPath(e.getPath());
        String why;
        if (e instanceof UnrecognizedPropertyException u) {
            why = "unknown key; known keys here: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else if (e.getCause() instanceof IllegalArgumentException iae) {
            // a record's own validation: its message starts with the field's key
            String msg = iae.getMessage();
            return where(fileName, e.getLocation()) + (path.isEmpty() ? "" : path + ".") + msg;
        } else {
            why = e.getOriginalMessage();
        }
        return where(fileName, e.getLocation()) + (path.isEmpty() ? "(top level)" : path) + ": " + why;
    }

    private static String where(String fileName, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return fileName + ": ";
        }
        return fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    private static String keyPath(List<JsonMappingException.Reference> refs) {
        var sb = new StringBuilder();
        for (var ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static final class DurationReader extends StdScalarDeserializer<Duration> {
        DurationReader() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return Durations.parse(p.getValueAsString(""));
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
