package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What nodes compare in `hotline nodes`: the per-call script's content, not the file nor its map order. */
class ScriptFingerprintTest {

    private final String shipped = read();

    private static String read() {
        try {
            return Files.readString(Path.of("config/hotline.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String of(String yaml) {
        return ScriptFingerprint.of(ConfigLoader.parse("hotline.yaml", yaml).script());
    }

    @Test
    void twoNodesWhoseFilesDifferOnlyInTheirOwnSettingsFollowOneScript() {
        String nodeA = shipped.replace("node: hotline-1", "node: lab-a");
        String nodeB = shipped.replace("node: hotline-1", "node: lab-b").replace("port: 4573", "port: 4583")
                .replace("port: 4574", "port: 4584"); // its AudioSocket port too
        assertThat(nodeA).isNotEqualTo(shipped);
        assertThat(nodeB).contains("port: 4583", "port: 4584");

        assertThat(of(nodeA)).isEqualTo(of(nodeB)).isEqualTo(of(shipped)).matches("[0-9a-f]{8}");
    }

    @Test
    void aChangedTimingOrPromptIsAnotherScript() {
        assertThat(shipped).contains("max-wait: 30m");

        assertThat(of(shipped.replace("max-wait: 30m", "max-wait: 31m"))).isNotEqualTo(of(shipped));
    }

    @Test
    void mapsAndSetsAreWrittenInSortedOrderAndNoObjectIdentityGetsIn() {
        var oneWay = new LinkedHashMap<String, Object>();
        oneWay.put("simple", "2h");
        oneWay.put("complex", List.of("a", "b"));
        var otherWay = new LinkedHashMap<String, Object>();
        otherWay.put("complex", List.of("a", "b"));
        otherWay.put("simple", "2h");

        assertThat(ScriptFingerprint.canonical(oneWay)).isEqualTo(ScriptFingerprint.canonical(otherWay))
                .isEqualTo("{complex=[a, b], simple=2h}");
        assertThat(ScriptFingerprint.canonical(Map.of("x", java.util.Set.of(3, 1, 2)))).isEqualTo("{x=[1, 2, 3]}");
        assertThat(ScriptFingerprint.canonical(ConfigLoader.parse("hotline.yaml", shipped).script()))
                .doesNotContainPattern("@[0-9a-f]{5,}");
    }
}
