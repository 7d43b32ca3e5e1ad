package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGHUP in a real child JVM: a server started with SIGHUP ignored (CI ran its lab servers under
 * nohup, and every reload vanished) must say so at the start instead of dropping reloads unseen.
 */
class ReloadSignalTest {

    @Test
    void aServerStartedWithSighupAtItsDefaultReloadsOnSighup() throws Exception {
        String out = probe("env", "--default-signal=HUP");
        assertThat(out).contains("installed true", "SIGHUP: reloading the config file", "reloaded");
    }

    @Test
    void aServerStartedUnderNohupSaysThatSighupWillNotReloadIt() throws Exception {
        String out = probe("nohup");
        assertThat(out).contains("installed false", "SIGHUP is ignored in this process", "use `hotline reload`")
                .contains("no reload").doesNotContain("SIGHUP: reloading");
    }

    /** Starts the probe behind {@code launcher}, sends SIGHUP once it has installed, returns its output. */
    private static String probe(String... launcher) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReloadSignalProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new StringBuilder();
        try (var reader = p.inputReader()) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("installed")) {
                    new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as(out.toString()).isTrue();
        return out.toString();
    }
}
