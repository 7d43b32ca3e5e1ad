package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionTest {

    @Test
    void versionPrintsThePomsVersion() throws Exception {
        var m = Pattern.compile("<artifactId>hotline-ivr</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        var out = new StringWriter();

        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute("--version");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("hotline-ivr " + m.group(1));
    }
}
