package hotline.agi;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real server on a free loopback port with the shipped config, its journal lines collected. */
final class RunningHotline implements AutoCloseable {

    final List<String> journalLines = new CopyOnWriteArrayList<>();
    final AgiServer server;
    final int port;

    RunningHotline(Path tmp, int maxCalls, Duration headerTimeout) throws IOException {
        HotlineConfig base = ConfigLoader.load(Path.of("config/hotline.yaml"));
        HotlineConfig config = base.withServer(
                new Server("127.0.0.1", freePort(), maxCalls, Duration.ofSeconds(5), headerTimeout));
        var journal = new JournalWriter(tmp.resolve("journal.jsonl"));
        journal.addListener(journalLines::add);
        server = new AgiServer(() -> config, journal, hotline.store.TestStores.sqliteBook());
        port = server.start();
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
