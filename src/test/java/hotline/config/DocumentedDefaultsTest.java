package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key with the code's default. Its tables are read as ops
 * read them: in a row whose header is {@code | key | default | ...}, the first code span of the first
 * cell is the key path and the first code span of the second its default, written as
 * {@code check --print} writes it (a duration may be written another way: 60s for 1m).
 */
class DocumentedDefaultsTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    /** Defaults that depend on the machine, documented in words. */
    private static final Set<String> IN_WORDS = Set.of("dialler.node");

    static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("| key | default |")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("| ---")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                String key = code(cells[1]).orElseThrow(() -> new AssertionError("no `key` in " + line));
                assertThat(documented).as("documented twice: " + key).doesNotContainKey(key);
                documented.put(key, code(cells[2]).orElse("(in words) " + cells[2].strip()));
            }
        }
        return documented;
    }

    @Test
    void everyKeyIsDocumentedWithTheDefaultTheCodeHas() throws IOException {
        Map<String, String> documented = documentedDefaults();
        Map<String, String> code = EffectiveValues.of(HotlineConfig.defaults());

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(code.keySet());
        code.forEach((key, value) -> {
            if (IN_WORDS.contains(key)) {
                assertThat(documented.get(key)).as(key).startsWith("(in words)");
            } else {
                assertThat(same(documented.get(key), value)).as(key + ": documented " + documented.get(key)
                        + ", the code's default is " + value).isTrue();
            }
        });
    }

    private static boolean same(String documented, String code) {
        Optional<Duration> a = duration(documented);
        return a.isPresent() ? a.equals(duration(code)) : documented.equals(code);
    }

    private static Optional<Duration> duration(String text) {
        try {
            return Optional.of(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> code(String cell) {
        Matcher m = CODE.matcher(cell);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
