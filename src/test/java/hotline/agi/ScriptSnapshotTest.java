package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.InboundScript;
import hotline.config.Script;
import hotline.config.ScriptSource;
import hotline.config.Server;
import hotline.config.SilentLine;
import hotline.flow.Routes;
import hotline.journal.JournalWriter;
import hotline.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call keeps the script snapshot it started with, to its end; the next call takes the swapped one. */
class ScriptSnapshotTest {

    @TempDir
    Path tmp;

    @Test
    void aScriptSwappedDuringTheGreetingReachesTheNextCallNotTheLiveOne() throws IOException {
        HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));
        Script shipped = config.script();
        InboundScript i = shipped.inbound();
        Script edited = shipped.withInbound(new InboundScript(i.greeting(), i.listening(),
                new SilentLine("too-quiet-goodbye", i.silentLine().pauseBeforeHangup()), i.quietLine(), i.noisyLine(),
                i.agents(), i.dialect(), i.callbacks(), i.complaint()));
        var scripts = new ScriptSource(shipped);
        int port = freePort();
        try (var server = new AgiServer(new Server("127.0.0.1", port, 10, Duration.ofSeconds(5)), scripts,
                Routes.standard(hotline.store.TestStores.sqliteBook(), Clock.systemUTC()), new JournalWriter(tmp.resolve("j.jsonl")),
                Optional.empty(), Clock.systemUTC(), Ticker.SYSTEM)) {
            server.start();

            List<String> live = new FakeAsterisk("hotline", "Local/s@a;1").call(port, command -> {
                if (command.startsWith("STREAM FILE \"hotline/greeting\"")) scripts.swap(edited); // ops reload mid-call
                return FakeAsterisk.silentCaller(command);
            });
            List<String> next = new FakeAsterisk("hotline", "Local/s@b;1").call(port, FakeAsterisk::silentCaller);

            assertThat(live).contains("STREAM FILE \"hotline/no-sound-goodbye\" \"\"")
                    .doesNotContain("STREAM FILE \"hotline/too-quiet-goodbye\" \"\"");
            assertThat(next).contains("STREAM FILE \"hotline/too-quiet-goodbye\" \"\"");
        }
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
