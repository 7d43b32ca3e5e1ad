package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check} refuses an AMI secret published with the project. */
class CheckCommandTest {

    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    private int check(String secret) throws Exception {
        Path config = dir.resolve("hotline.yaml");
        Files.writeString(config, Files.readString(Path.of("config/hotline.yaml"))
                .replace("ami-secret: \"\"", "ami-secret: " + secret));
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("check", "--config", config.toString());
    }

    @Test
    void thePublishedLabSecretIsRefused() throws Exception {
        assertThat(check("hotline-dialler-lab-secret")).isEqualTo(1);
        assertThat(err.toString()).contains("dialler.ami-secret: 'hotline-dialler-lab-secret' is the sample published");
    }

    @Test
    void aSecretOfOpsOwnPasses() throws Exception {
        assertThat(check("Zq7-unshared-9Lk")).isZero();
    }
}
