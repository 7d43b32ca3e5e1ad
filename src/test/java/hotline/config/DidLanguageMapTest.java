package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §8 in the caller's language: the dialplan sets the dialled number's language
 * before the AGI (and so before the fallback), from a map that must be the server's own.
 */
class DidLanguageMapTest {

    private static final Pattern RETURN = Pattern.compile("exten => ([^,]+),1,Return\\(([a-z_A-Z]+)\\)");

    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));

    /** context → extension → its lines (the exten line and the same => lines after it), comments removed. */
    static Map<String, Map<String, List<String>>> dialplan() throws IOException {
        var contexts = new LinkedHashMap<String, Map<String, List<String>>>();
        Map<String, List<String>> context = null;
        List<String> extension = null;
        for (String raw : Files.readAllLines(Path.of("asterisk-conf/extensions.conf"))) {
            String line = raw.replaceFirst("(?<!\\\\);.*", "").strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[")) {
                context = new LinkedHashMap<>();
                contexts.put(line.substring(1, line.indexOf(']')), context);
                extension = null;
            } else if (line.startsWith("exten => ") && context != null) {
                String name = line.substring("exten => ".length(), line.indexOf(','));
                extension = context.computeIfAbsent(name, n -> new ArrayList<>());
                extension.add(line);
            } else if (line.startsWith("same => ") && extension != null) {
                extension.add(line);
            }
        }
        return contexts;
    }

    @Test
    void theDialplansNumberToLanguageMapIsTheConfigsAndEveryOtherNumberGetsTheFallback() throws IOException {
        var lookup = dialplan().get("hotline-did-language");
        assertThat(lookup).as("[hotline-did-language] in asterisk-conf/extensions.conf").isNotNull();
        var byNumber = new LinkedHashMap<String, String>();
        lookup.forEach((exten, lines) -> {
            assertThat(lines).as(exten).hasSize(1);
            var m = RETURN.matcher(lines.getFirst());
            assertThat(m.matches()).as("a single Return(<language>): " + lines.getFirst()).isTrue();
            byNumber.put(m.group(1), m.group(2));
        });
        String fallback = config.languages().fallback();

        assertThat(byNumber.remove("s")).isEqualTo(fallback);
        assertThat(byNumber.remove("_X.")).isEqualTo(fallback);
        assertThat(byNumber).isEqualTo(config.languages().byNumber());
        assertThat(byNumber.values()).allMatch(config.languages().offered()::contains);
    }

    @Test
    void bothHotlineBlocksSetTheLanguageBeforeTheAgiAndSoBeforeTheFallbackPrompt() throws IOException {
        var hotline = dialplan().get("hotline");
        List<String> s = hotline.get("s");
        List<String> dialled = hotline.get("_X.");

        assertThat(dialled.subList(1, dialled.size())).as("the s and _X. blocks, line for line")
                .isEqualTo(s.subList(1, s.size()));
        int lookup = s.indexOf("same => n,Gosub(hotline-did-language,${EXTEN},1)");
        int set = s.indexOf("same => n,Set(CHANNEL(language)=${GOSUB_RETVAL})");
        int agi = s.indexOf("same => n,AGI(${HOTLINE_AGI})");
        int fallback = s.indexOf("same => n,Playback(hotline/line-adjusting)");
        assertThat(lookup).isPositive();
        assertThat(set).isEqualTo(lookup + 1);
        assertThat(agi).isGreaterThan(set);
        assertThat(fallback).isGreaterThan(agi);
        assertThat(s).anyMatch(l -> l.contains("FILTER(+0-9,${CALLERID(num)})"))
                .anyMatch(l -> l.contains("FILTER(\\x20-\\x23\\x25-\\x7e\\x80-\\xbf\\xc2-\\xf4,${CALLERID(name)})"));
    }
}
