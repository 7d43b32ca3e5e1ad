package hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One assembly as serve runs it: store, spool, journal and FastAGI server from the config, and a drain. */
class HotlineTest {

    @TempDir
    Path dir;

    private HotlineConfig config(int port) throws IOException {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, """
                server: {bind-address: 127.0.0.1, port: %d, admin-port: 0}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s", spool: %s}
                dialler: {enabled: false}
                inbound: {listening: {detector: energy}}
                """.formatted(port, dir.resolve("journal.jsonl"), dir.resolve("hotline.db"), dir.resolve("spool.jsonl")));
        return ConfigLoader.load(file);
    }

    @Test
    void theAssemblyAnswersOnItsPortWithTheConfigsScriptAndStopsListeningWhenStopped() throws Exception {
        int port = freePort();
        var config = config(port);
        var hotline = Hotline.of(config).start();
        try {
            assertThat(hotline.agiPort()).isEqualTo(port);
            assertThat(hotline.scripts().get()).isEqualTo(config.script());
            try (var call = new Socket("127.0.0.1", port)) {
                call.getOutputStream().write(HEADER.getBytes(StandardCharsets.US_ASCII));
                call.setSoTimeout(5_000);
                String first = new java.io.BufferedReader(new java.io.InputStreamReader(call.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertThat(first).startsWith("SET VARIABLE \"HOTLINE_OUTCOME\" \"failed:unknown-script\"");
                call.getOutputStream().write("200 result=1\n200 result=1\n".getBytes(StandardCharsets.US_ASCII));
            }
        } finally {
            hotline.stop(Duration.ofSeconds(1));
        }
        assertThat(Files.readString(dir.resolve("journal.jsonl"))).contains("\"outcome\":\"failed:unknown-script\"");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    /** A FastAGI request for a path no flow is routed to, as Asterisk 22 writes it. */
    private static final String HEADER = """
            agi_network: yes
            agi_network_script: nowhere
            agi_request: agi://127.0.0.1/nowhere
            agi_channel: Local/s@t;1
            agi_language: en
            agi_type: Local
            agi_uniqueid: 1764000000.7
            agi_version: 22.10.1
            agi_callerid: 5551234
            agi_calleridname: Robot
            agi_context: hotline
            agi_extension: s
            agi_priority: 2

            """;

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
