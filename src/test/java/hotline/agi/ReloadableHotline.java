package hotline.agi;

import hotline.app.Hotline;
import hotline.config.ConfigFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole assembly as {@code serve} runs it from a config file in a temp folder (SQLite store,
 * energy detector, no dialler), on free ports with the admin endpoint: the file can be rewritten
 * and reloaded, the journal lines are collected, the metrics scraped.
 */
final class ReloadableHotline implements AutoCloseable {

    final List<String> journalLines = new CopyOnWriteArrayList<>();
    final Path file;
    final Hotline hotline;
    private final Path dir;
    private final int port;
    private final int adminPort;

    /** The energy detector listening {@code listenFor} ("5s"); see {@link #write(String)}. */
    static String listening(String listenFor) {
        return "inbound: {listening: {detector: energy, listen-for: " + listenFor + "}}";
    }

    ReloadableHotline(Path dir, String tail) throws IOException {
        this.dir = dir;
        this.file = dir.resolve("hotline.yaml");
        this.port = freePort();
        this.adminPort = freePort();
        write(tail);
        var read = ConfigFile.read(file);
        hotline = Hotline.of(read.config()).reloadsFrom(file, read.hash()).start();
        hotline.journal().addListener(journalLines::add);
    }

    /** Rewrites the file: the fixed settings (ports, journal, store, no dialler), then {@code tail} (YAML). */
    void write(String tail) throws IOException {
        Files.writeString(file, """
                server: {bind-address: 127.0.0.1, port: %d, admin-port: %d}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s", spool: %s}
                dialler: {enabled: false}
                """.formatted(port, adminPort, dir.resolve("journal.jsonl"), dir.resolve("hotline.db"),
                dir.resolve("spool.jsonl")) + tail + "\n");
    }

    int port() {
        return port;
    }

    URI admin() {
        return URI.create("http://127.0.0.1:" + adminPort);
    }

    HttpResponse<String> http(String method, String path) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(admin().resolve(path)).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** GET /metrics, as Prometheus scrapes it. */
    String scrape() throws IOException, InterruptedException {
        return http("GET", "/metrics").body();
    }

    static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        hotline.stop(Duration.ofSeconds(1));
    }
}
