package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import hotline.config.Store;
import hotline.store.AttemptResult;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline callbacks …} as ops type it, against a SQLite store in a temp folder. */
class CallbacksCommandTest {

    @TempDir
    Path dir;

    String url;
    CallbackStore store;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void aStoreWithThreeCallbacks() {
        url = "jdbc:sqlite:" + dir.resolve("hotline.db");
        store = CallbackStore.open(Store.at(url), Clock.systemUTC());
        store.save(callback("0601", "simple", CallbackQueue.of("hotline")));
        store.save(callback("0602", "complaint", CallbackQueue.of("teamlead")));
        long third = store.save(callback("0603", "complex", CallbackQueue.of("hotline"))).id();
        store.claim(third);
        store.recordAttempt(third, new AttemptResult.NotReached("no-answer"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private int hotline(String... args) {
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void listShowsEveryCallbackInArrivalOrder() {
        int code = hotline("callbacks", "list", "--jdbc-url", url);

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(5);
        assertThat(out.toString()).containsSubsequence("0601", "0602", "0603", "no-answer", "3 callback(s)");
    }

    @Test
    void listCanShowOnlyOneStateOfOneQueue() {
        int code = hotline("callbacks", "list", "--state", "pending", "--queue", "teamlead", "--jdbc-url", url);

        assertThat(code).isZero();
        assertThat(out.toString()).contains("0602").doesNotContain("0601").contains("1 callback(s)");
    }

    @Test
    void doneClosesACallbackAndSaysWhatItWas() {
        int code = hotline("callbacks", "done", "2", "--jdbc-url", url);

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("callback 2: pending -> done" + System.lineSeparator());
        assertThat(store.find(2).orElseThrow().state().code()).isEqualTo("done");
    }

    @Test
    void doneOnAnUnknownIdExitsOne() {
        assertThat(hotline("callbacks", "done", "99", "--jdbc-url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("no callback 99");
    }

    @Test
    void exportWritesCsvToStdoutWithNothingElseMixedIn() {
        int code = hotline("callbacks", "export", "--format", "csv", "--jdbc-url", url);

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(4).first().asString().startsWith("id,created-at,");
    }

    @Test
    void exportWritesJsonToAFile() throws Exception {
        Path file = dir.resolve("callbacks.json");

        int code = hotline("callbacks", "export", "--format", "JSON", "--out", file.toString(), "--jdbc-url", url);

        assertThat(code).isZero();
        assertThat(Files.readString(file)).startsWith("[").contains("\"callback-number\" : \"0603\"");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(hotline("callbacks", "export", "--format", "xml", "--jdbc-url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("'xml' is not csv or json");
    }

    @Test
    void aStoreFileThatDoesNotExistIsNotCreatedByTheCli() {
        Path missing = dir.resolve("elsewhere/hotline.db");

        assertThat(hotline("callbacks", "list", "--jdbc-url", "jdbc:sqlite:" + missing)).isEqualTo(2);
        assertThat(err.toString()).contains("no callback store at " + missing);
        assertThat(missing).doesNotExist();
    }

    private static NewCallback callback(String number, String reason, CallbackQueue queue) {
        return new NewCallback(CallbackNumber.of(number), "en", reason, queue, Optional.empty(),
                CallerDetails.of(number, Duration.ofMinutes(2)));
    }
}
