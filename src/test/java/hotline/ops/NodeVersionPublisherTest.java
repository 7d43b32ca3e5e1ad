package hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import hotline.config.ScriptSource;
import hotline.config.Store;
import hotline.store.CallbackStore;
import hotline.time.Ticker;
import hotline.time.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each node's round: its version published, the running nodes' scripts counted, a stopped node not counted. */
class NodeVersionPublisherTest {

    /** Only the clock is virtual: the rounds are called by hand, the start()ed loop sleeps on the real ticker. */
    private final VirtualTime clock = new VirtualTime(Instant.parse("2026-11-24T09:00:00Z"));

    @TempDir
    Path dir;

    private final Script shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    private final Script edited = ConfigLoader.parse("hotline.yaml", read().replace("max-wait: 30m", "max-wait: 31m")).script();

    private static String read() {
        try {
            return java.nio.file.Files.readString(Path.of("config/hotline.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ScriptSource.Snapshot snapshot(Script script, String version) {
        return new ScriptSource.Snapshot(script, version);
    }

    private CallbackStore open() {
        return CallbackStore.open(Store.at("jdbc:sqlite:" + dir.resolve("hotline.db")), clock);
    }

    @Test
    void twoNodesOnOneScriptCountOneEvenWithOtherFilesAndANodeLeftOutOfAReloadMakesTwoUntilItStops() {
        var versionOfB = new AtomicReference<>(snapshot(shipped, "1-0bac281d"));
        try (var store = open()) {
            var a = new NodeVersionPublisher(store.nodes(), "lab-a", "0.1.0", () -> snapshot(shipped, "1-aaaa0000"), clock, Ticker.SYSTEM);
            var b = new NodeVersionPublisher(store.nodes(), "lab-b", "0.1.0", versionOfB::get, clock, Ticker.SYSTEM);
            a.round();
            b.round();
            assertThat(b.configsLive()).isEqualTo(1);

            versionOfB.set(snapshot(edited, "2-77aa77aa")); // lab-b reloaded an edited script, lab-a did not
            b.round();
            assertThat(b.configsLive()).isEqualTo(2);
            clock.advance(Duration.ofSeconds(10));
            a.round();
            assertThat(a.configsLive()).as("lab-a sees it too").isEqualTo(2);

            clock.advance(NodeVersionPublisher.LIVE_WITHIN); // lab-b stopped publishing 40 s ago
            a.round();
            assertThat(a.configsLive()).as("a stopped node no longer counts").isEqualTo(1);
        }
    }

    @Test
    void aStoreThatFailsSkipsTheRoundAndKeepsTheLastCount() {
        var store = open();
        var a = new NodeVersionPublisher(store.nodes(), "lab-a", "0.1.0", () -> snapshot(shipped, "1-0bac281d"), clock, Ticker.SYSTEM);
        a.round();
        store.close();

        a.round();

        assertThat(a.configsLive()).isEqualTo(1);
    }

    @Test
    void theMetricIsRegisteredAndTheLoopStopsOnClose() throws Exception {
        var metrics = new Metrics();
        try (var store = open();
             var a = NodeVersionPublisher.start(store.nodes(), "lab-a", "0.1.0", () -> snapshot(shipped, "1-0bac281d"), clock,
                     Ticker.SYSTEM, metrics)) {
            assertThat(store.nodes().nodes(clock.instant().minus(Duration.ofDays(1)))).singleElement()
                    .satisfies(n -> assertThat(n.version()).isEqualTo("1-0bac281d"));
            assertThat(metrics.text()).contains("hotline_cluster_scripts 1.0");
        }
    }
}
