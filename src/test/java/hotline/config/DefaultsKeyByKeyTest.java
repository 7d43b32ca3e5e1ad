package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key defaults on its own (issue 10): a file that sets one key, whatever the key and its
 * section, loads with every other key at its default. So setting one key of a section never
 * loses the section's other defaults.
 */
class DefaultsKeyByKeyTest {

    private static final LoadedConfig SHIPPED = ConfigLoader.loadWithSources(Path.of("config/hotline.yaml"));
    private static final Map<String, String> DEFAULTS = EffectiveValues.of(HotlineConfig.defaults());

    static Stream<String> shippedKeys() {
        return SHIPPED.values().keySet().stream().filter(k -> SHIPPED.sourceOf(k) == LoadedConfig.Source.FILE);
    }

    static Stream<String> everyKey() {
        return DEFAULTS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedKeys")
    void aFileWithOnlyThisShippedKeyLoadsWithEveryOtherKeyAtItsDefault(String key) {
        Map<String, String> written = new LinkedHashMap<>();
        written.put(key, SHIPPED.values().get(key));
        if (key.startsWith("languages.by-number.") || key.startsWith("languages.menu.")
                || key.startsWith("inbound.dialect.by-language.")) {
            // these name languages that only the shipped languages.offered offers
            written.put("languages.offered", SHIPPED.values().get("languages.offered"));
        }

        LoadedConfig loaded = ConfigLoader.read("only-" + key + ".yaml", yaml(written));

        Map<String, String> expected = new LinkedHashMap<>(DEFAULTS);
        written.forEach((k, v) -> {
            for (int dot = k.indexOf('.'); dot > 0; dot = k.indexOf('.', dot + 1)) {
                expected.remove(k.substring(0, dot)); // an empty map's "{}" line, now it has an entry
            }
            expected.put(k, v);
        });
        if (key.startsWith("inbound.dialect.by-language.")) {
            // an entry of a map of sections: its other keys are at the section's own defaults
            String entry = key.substring(0, key.lastIndexOf('.') + 1);
            loaded.values().forEach((k, v) -> {
                if (k.startsWith(entry) && !k.equals(key)) expected.put(k, v);
            });
            assertThat(expected).containsEntry(entry + "steps", "[]");
        }
        assertThat(loaded.values()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(loaded.keysInFile()).containsAll(written.keySet());
    }

    @ParameterizedTest
    @MethodSource("everyKey")
    void aFileWritingOneKeyAsItsDefaultLoadsTheDefaults(String key) {
        LoadedConfig loaded = ConfigLoader.read("default-" + key + ".yaml", yaml(Map.of(key, DEFAULTS.get(key))));

        assertThat(loaded.config()).isEqualTo(HotlineConfig.defaults());
        assertThat(loaded.sourceOf(key)).isEqualTo(LoadedConfig.Source.FILE);
    }

    /** Dotted keys with values as {@link EffectiveValues} writes them, as nested YAML. */
    static String yaml(Map<String, String> values) {
        Map<String, Object> tree = new LinkedHashMap<>();
        values.forEach((path, value) -> {
            String[] keys = path.split("\\.");
            Map<String, Object> at = tree;
            for (int i = 0; i < keys.length - 1; i++) {
                @SuppressWarnings("unchecked")
                var next = (Map<String, Object>) at.computeIfAbsent(keys[i], k -> new LinkedHashMap<String, Object>());
                at = next;
            }
            at.put(keys[keys.length - 1], value);
        });
        var out = new StringBuilder();
        write(tree, "", out);
        return out.toString();
    }

    private static void write(Map<String, Object> tree, String indent, StringBuilder out) {
        tree.forEach((key, value) -> {
            out.append(indent).append('"').append(key).append("\":");
            if (value instanceof Map<?, ?> m) {
                out.append('\n');
                @SuppressWarnings("unchecked")
                var child = (Map<String, Object>) m;
                write(child, indent + "  ", out);
            } else {
                out.append(' ').append(value).append('\n');
            }
        });
    }
}
