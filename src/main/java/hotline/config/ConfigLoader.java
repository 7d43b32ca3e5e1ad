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
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Binds hotline.yaml to {@link HotlineConfig}. Keys are kebab-case, unknown keys are
 * errors, and every error names the file, line, column and key path.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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
            throw new ConfigException(List.of(describe(fileName, yaml, e)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(where(fileName, e.getLocation()) + "not valid YAML: "
                    + e.getOriginalMessage()));
        }
    }

    private static String describe(String fileName, String yaml, JsonMappingException e) {
        List<String> keys = new ArrayList<>();
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                keys.add(ref.getFieldName());
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String why;
        if (e instanceof UnrecognizedPropertyException u) {
            why = "unknown key; known keys here: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else if (e.getCause() instanceof IllegalArgumentException iae) {
            // a record's own validation: its message starts with the offending field's key
            String msg = iae.getMessage();
            int colon = msg.indexOf(':');
            if (colon > 0) {
                String field = msg.substring(0, colon);
                keys.add(field);
                path.append(path.isEmpty() ? "" : ".").append(field);
                msg = msg.substring(colon + 1).strip();
            }
            why = msg;
        } else {
            why = e.getOriginalMessage();
        }
        OptionalInt line = KeyLines.lineOf(yaml, keys);
        String where = line.isPresent() ? fileName + ":" + line.getAsInt() + ": " : where(fileName, e.getLocation());
        return where + (path.isEmpty() ? "(top level)" : path) + ": " + why;
    }

    private static String where(String fileName, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return fileName + ": ";
        }
        return fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
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
