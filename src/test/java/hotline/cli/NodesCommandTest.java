package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import hotline.config.Store;
import hotline.store.CallbackStore;
import hotline.store.NodeVersions.NodeVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline nodes}: the running nodes' script versions; exit 1 when they follow different scripts. */
class NodesCommandTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static NodeVersion node(String name, String version, String script, long secondsAgo) {
        return new NodeVersion(name, version, script, "0.1.0", NOW.minusSeconds(3600), NOW.minusSeconds(secondsAgo));
    }

    @Test
    void nodesOnOneScriptExitZeroWhateverTheirFilesAndReloadCounters() {
        int code = NodesCommand.print(List.of(node("lab-a", "3-0bac281d", "48119b3f", 2), node("lab-b", "1-77aa77aa", "48119b3f", 5)), NOW,
                new PrintWriter(out));

        assertThat(code).isZero();
        assertThat(out.toString()).contains("lab-a", "running", "3-0bac281d", "2 s ago")
                .contains("2 node(s) running, all following script 48119b3f");
    }

    @Test
    void aNodeLeftOutOfAReloadExitsOneAndAStoppedNodeIsShownButNotCounted() {
        int code = NodesCommand.print(List.of(node("lab-a", "2-77aa77aa", "2b2b2b2b", 2), node("lab-b", "1-0bac281d", "48119b3f", 4),
                node("lab-c", "1-12345678", "99999999", 600)), NOW, new PrintWriter(out));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("lab-c", "stopped", "10 min ago")
                .contains("2 node(s) running, following 2 different scripts: give every node the same script and reload it");
    }

    @Test
    void theCommandReadsTheStoreAndSaysWhenNoNodeRuns() {
        String url = "jdbc:sqlite:" + dir.resolve("hotline.db");
        try (var store = CallbackStore.open(Store.at(url), Clock.systemUTC())) {
            store.nodes().publish("lab-a", "1-0bac281d", "48119b3f", "0.1.0", Instant.now().minusSeconds(3600), Instant.now().minusSeconds(3600));
        }
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("nodes", "--jdbc-url", url)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lab-a", "stopped", "0 node(s) running, none seen within 30 s");
    }

    @Test
    void aStoreThatCannotBeOpenedExitsTwo() {
        var cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("nodes", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("missing.db"))).isEqualTo(2);
        assertThat(err.toString()).contains("no callback store at");
    }
}
