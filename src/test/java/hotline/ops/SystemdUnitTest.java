package hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.app.Hotline;
import hotline.config.ConfigLoader;
import hotline.config.Durations;
import hotline.config.HotlineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** asterisk-conf/systemd/: the unit stops the server the way operations.md says, and gives the drain its time. */
class SystemdUnitTest {

    private static final Path DIR = Path.of("asterisk-conf/systemd");

    private static Map<String, String> keys(Path file) throws IOException {
        var keys = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("[") || !l.contains("=")) continue;
            keys.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
        }
        return keys;
    }

    @Test
    void systemdWaitsLongerThanTheWholeDrainOfTheShippedConfigBeforeItKills() throws IOException {
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        Duration drain = shipped.settings().dialler().ringFor().plusSeconds(5)   // ringing callbacks
                .plus(shipped.settings().server().drainGrace())                // live calls
                .plus(Hotline.CUT_CALLS_WRITE);                                 // cut calls' journal lines

        Duration stop = Durations.parse(keys(DIR.resolve("hotline-ivr.service")).get("TimeoutStopSec"));

        assertThat(stop).as("TimeoutStopSec vs the drain (%s)", drain).isGreaterThan(drain);
    }

    @Test
    void theUnitRunsTheLauncherUnprivilegedFromTheEnvFileAndRestartsOnlyOnFailure() throws IOException {
        var unit = keys(DIR.resolve("hotline-ivr.service"));

        assertThat(unit).containsEntry("Restart", "on-failure").containsEntry("KillSignal", "SIGTERM")
                .containsEntry("RestartPreventExitStatus", "2")
                .containsEntry("EnvironmentFile", "/etc/hotline-ivr/hotline-ivr.env");
        assertThat(unit.get("User")).isNotBlank().isNotEqualTo("root");
        assertThat(unit.get("ExecStart")).isEqualTo("/opt/hotline-ivr/hotline serve --config ${HOTLINE_CONFIG}");
        assertThat(keys(DIR.resolve("hotline-ivr.env"))).containsKeys("HOTLINE_CONFIG", "JAVA_OPTS", "JAVA_HOME");
    }

    @Test
    void theLauncherIsValidBashAndExecsJavaSoSigtermReachesTheServer() throws Exception {
        Path launcher = DIR.resolve("hotline");
        var check = new ProcessBuilder("bash", "-n", launcher.toString()).inheritIO().start();

        assertThat(check.waitFor()).isZero();
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(Files.readString(launcher)).contains("exec \"$java\" ${JAVA_OPTS:-} -jar \"$jar\" \"$@\"");
    }

    @Test
    void theJournalIsRotatedByCopyAndTruncateNotBySignal() throws IOException {
        String rotate = Files.readString(DIR.resolve("logrotate-hotline-ivr"));

        assertThat(rotate).contains("copytruncate").doesNotContain("postrotate", "kill");
    }
}
