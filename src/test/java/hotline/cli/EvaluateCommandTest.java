package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvaluateCommandTest {

    private String out;
    private String err;

    private int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new EvaluateCommand()).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedClipsPrintTheMatrixForAllClipsTheTuningAndTheHeldOutSplit() {
        assertThat(run()).isZero();

        assertThat(out).contains("## All clips: 100 clips", "## Tuning split", "## Held-out split",
                "| precision |", "accuracy 99.0 % (99 of 100)", "accuracy 96.7 % (29 of 30)");
    }

    @Test
    void theFeaturesOptionAddsACsvLinePerClip() {
        assertThat(run("--features")).isZero();

        assertThat(out).contains("label,name,verdict,decided_ms,heard_ms,floor_db").contains("speech,talk-0,speech,");
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThat(run("--clips", "no/such/folder")).isEqualTo(1);

        assertThat(err).contains("no/such/folder: no such folder");
    }
}
