package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.app.Hotline;
import hotline.config.ConfigFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline reload --admin URL}: what ops see for a swap, a needed restart, a refused file, no server. */
class ReloadCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int reload(String admin) {
        return new CommandLine(new ReloadCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--admin", admin);
    }

    private String config(int port, int adminPort, String listenFor) {
        return """
                server: {port: %d, admin-port: %d}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s", spool: %s}
                dialler: {enabled: false}
                inbound: {listening: {detector: energy, listen-for: %s}}
                """.formatted(port, adminPort, dir.resolve("j.jsonl"), dir.resolve("h.db"), dir.resolve("s.jsonl"), listenFor);
    }

    @Test
    void theCommandPrintsTheNewVersionTheKeysThatNeedARestartAndTheErrorsOfARefusedFile() throws Exception {
        int port = free();
        int adminPort = free();
        Path file = Files.writeString(dir.resolve("hotline.yaml"), config(port, adminPort, "5s"));
        var read = ConfigFile.read(file);
        var hotline = Hotline.of(read.config()).reloadsFrom(file, read.hash()).start();
        String admin = "http://127.0.0.1:" + adminPort;
        try {
            Files.writeString(file, config(port, adminPort, "4s").replace("dialler: {enabled: false}",
                    "dialler: {enabled: false, node: other-node}"));
            assertThat(reload(admin)).isZero();
            assertThat(out.toString()).startsWith("reloaded: new calls follow script version 2-")
                    .contains("needs a restart: dialler.node");

            Files.writeString(file, config(port, adminPort, "4500ms"));
            assertThat(reload(admin)).isEqualTo(1);
            assertThat(err.toString()).contains(file + ":5:41: inbound.listening.listen-for: 4500ms must be whole seconds",
                    "reload refused (1 problem(s)): calls go on with script version 2-");
        } finally {
            hotline.stop(Duration.ZERO);
        }
        assertThat(reload(admin)).isEqualTo(2);
        assertThat(err.toString()).contains("did not answer");
    }

    private static int free() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
