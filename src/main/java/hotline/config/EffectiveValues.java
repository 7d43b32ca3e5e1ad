package hotline.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A config's every key and its value as YAML writes it, in the records' order: the form of
 * {@code check --print} and of the defaults in docs/configuration.md. A map is one line per entry
 * ({@code store.promise.simple: 2h}), an empty one {@code {}}; a list is written inline.
 */
final class EffectiveValues {

    /** Scalars YAML would read as something else than the text (a number, a boolean, null). */
    private static final Pattern NOT_TEXT = Pattern.compile(
            "[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\\.?(inf|nan)|true|false|yes|no|on|off|y|n|null|~",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./()$=<>^+][^#]*");

    private EffectiveValues() {}

    static Map<String, String> of(HotlineConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        walk("", config, values);
        return values;
    }

    private static void walk(String path, Record r, Map<String, String> into) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            String key = (path.isEmpty() ? "" : path + ".") + Keys.kebab(c.getName());
            Object value = read(c, r);
            if (value instanceof Record child) {
                walk(key, child, into);
            } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                map.forEach((k, v) -> {
                    if (v instanceof Record entry) walk(key + "." + k, entry, into); // by-language.es.queues
                    else into.put(key + "." + k, format(v, false));
                });
            } else {
                boolean secret = c.getName().toLowerCase(Locale.ROOT).matches(".*(secret|password).*");
                into.put(key, secret && !"".equals(value) ? "***" : format(value, false));
            }
        }
    }

    static String format(Object value, boolean inFlow) {
        return switch (value) {
            case Duration d -> Durations.format(d);
            case Map<?, ?> m when m.isEmpty() -> "{}";
            case List<?> l -> l.stream().map(v -> format(v, true)).collect(Collectors.joining(", ", "[", "]"));
            case Path p -> text(p.toString(), inFlow);
            case String s -> text(s, inFlow);
            default -> String.valueOf(value);
        };
    }

    private static String text(String s, boolean inFlow) {
        boolean plain = PLAIN.matcher(s).matches() && !NOT_TEXT.matcher(s).matches() && !s.contains(": ")
                && !s.endsWith(" ") && !s.endsWith(":") && !(inFlow && s.matches(".*[,\\[\\]{}].*"));
        return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Object read(RecordComponent c, Record from) {
        try {
            return c.getAccessor().invoke(from);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }
}
