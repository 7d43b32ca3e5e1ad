package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import hotline.config.Store;
import hotline.flow.CallerHistory;
import hotline.store.CallbackStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline block …} as ops type it, against a SQLite store in a temp folder. */
class BlockCommandTest {

    @TempDir
    Path dir;

    String url;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void anEmptyStore() {
        url = "jdbc:sqlite:" + dir.resolve("hotline.db");
        CallbackStore.open(Store.at(url), Clock.systemUTC()).close();
    }

    private int hotline(String... args) {
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private CallerHistory.Arrival callFrom(String number) {
        try (var store = CallbackStore.open(Store.at(url), Clock.systemUTC())) {
            return store.callers().arrived(number, Instant.now(), Duration.ofDays(7));
        }
    }

    @Test
    void addBlocksTheDigitsTheServerSeesAndTheirNextCallIsBlocked() {
        int code = hotline("block", "add", "+82 10-1234-5678", "--reason", "abusive, ticket 42", "--jdbc-url", url);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("blocked 821012345678 ");
        assertThat(callFrom("821012345678")).isEqualTo(new CallerHistory.Arrival.Blocked());
    }

    @Test
    void listShowsEachBlockedNumberWithItsEndReasonAndWhoBlockedIt() {
        hotline("block", "add", "5550100", "--for", "12h", "--by", "kim", "--jdbc-url", url);
        hotline("block", "add", "5550111", "--forever", "--reason", "robocaller", "--jdbc-url", url);
        out.getBuffer().setLength(0);

        assertThat(hotline("block", "list", "--jdbc-url", url)).isZero();
        assertThat(out.toString()).containsSubsequence("number", "5550100", "kim", "blocked by ops",
                "5550111", "until removed", "robocaller", "2 number(s) blocked");
    }

    @Test
    void removeUnblocksAndSaysSoAndANumberNotOnTheListExitsOne() {
        hotline("block", "add", "5550100", "--jdbc-url", url);

        assertThat(hotline("block", "remove", "5550100", "--jdbc-url", url)).isZero();
        assertThat(out.toString()).contains("unblocked 5550100");
        assertThat(callFrom("5550100")).isInstanceOf(CallerHistory.Arrival.Seen.class);
        assertThat(hotline("block", "remove", "5550100", "--jdbc-url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("5550100 is not on the block list");
    }

    @Test
    void withoutForTheBlockLastsCallersBlockForOfTheConfig() throws Exception {
        Path config = dir.resolve("hotline.yaml");
        Files.writeString(config, "store:\n  jdbc-url: " + url + "\ncallers:\n  block-for: 2h\n");

        Instant before = Instant.now();
        assertThat(hotline("block", "add", "5550100", "--config", config.toString())).as(err.toString()).isZero();

        Instant until = Instant.parse(out.toString().strip().split(" ")[2]);
        assertThat(Duration.between(before, until)).isBetween(Duration.ofHours(2).minusSeconds(5), Duration.ofHours(2).plusSeconds(5));
    }

    @Test
    void somethingThatIsNotAPhoneNumberIsRefusedAndNothingIsBlocked() {
        assertThat(hotline("block", "add", "call-me", "--jdbc-url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("'call-me' is not a phone number");
        assertThat(hotline("block", "add", "5550100", "--for", "soon", "--jdbc-url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("--for: 'soon' is not a duration");
        out.getBuffer().setLength(0);
        hotline("block", "list", "--jdbc-url", url);
        assertThat(out.toString()).contains("0 number(s) blocked");
    }

    @Test
    void reportsListsTheAbuseReportsNewestFirst() {
        try (var store = CallbackStore.open(Store.at(url), Clock.systemUTC())) {
            Instant t = Instant.parse("2026-11-24T09:00:00Z");
            store.callers().report(new CallerHistory.AbuseReport("5550100", "1700000000.1", t, "PJSIP/agent-7", "hotline"),
                    t, t.minus(Duration.ofDays(365)));
            store.callers().report(new CallerHistory.AbuseReport("", "1700000000.2", t.plusSeconds(60), "PJSIP/agent-8",
                    "dialect-yue"), t, t.minus(Duration.ofDays(365)));
        }

        assertThat(hotline("block", "reports", "--jdbc-url", url)).isZero();
        assertThat(out.toString()).containsSubsequence("(withheld)", "dialect-yue", "PJSIP/agent-8",
                "5550100", "1700000000.1", "PJSIP/agent-7", "2 report(s)");
    }

    @Test
    void withoutASubcommandItPrintsTheUsageAndExitsTwo() {
        assertThat(hotline("block")).isEqualTo(2);
        assertThat(err.toString()).contains("add", "remove", "list", "reports");
    }
}
