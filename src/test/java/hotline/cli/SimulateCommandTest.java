package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int simulate(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(java.util.stream.Stream.concat(java.util.stream.Stream.of("simulate"), java.util.stream.Stream.of(args))
                        .toArray(String[]::new));
    }

    @Test
    void aScenarioThatEndsAsExpectedPrintsItsJournalLineAndExitsZero() {
        assertThat(simulate("docs/call-flows/scenarios/silent-caller.yaml")).isZero();
        assertThat(out.toString()).startsWith("{\"started\":").contains("\"outcome\":\"silent-line-goodbye\"");
        assertThat(err.toString()).contains("silent-caller: silent-line-goodbye after 32.247 s of call");
    }

    @Test
    void anExpectationNotMetOrAnUnreadableFileExitsOne() throws Exception {
        Path wrong = Files.writeString(tmp.resolve("wrong.yaml"), "silent: true\nexpect: {outcome: queued:hotline}\n");

        assertThat(simulate(wrong.toString(), tmp.resolve("missing.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("expected outcome queued:hotline, got silent-line-goodbye",
                "cannot read the scenario");
    }
}
