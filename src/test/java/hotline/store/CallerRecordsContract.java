package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.Store;
import hotline.flow.CallerHistory.AbuseReport;
import hotline.flow.CallerHistory.Arrival;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the store keeps of callers (V4__calls_and_reports.sql, V7__callback_requests.sql): recent
 * calls within the window, abuse reports, the block list, the callback requests the limit counts.
 * Run on SQLite (unit test) and PostgreSQL (integration test).
 */
abstract class CallerRecordsContract {

    static final Instant NINE_AM = Instant.parse("2026-11-24T09:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    final TestClock clock = new TestClock(NINE_AM);
    CallbackStore store;
    CallerRecords callers;

    abstract Store config();

    @BeforeEach
    void openStore() {
        store = CallbackStore.open(config(), clock);
        callers = store.callers();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static AbuseReport report(String number, Instant at) {
        return new AbuseReport(number, "1700000000." + at.getEpochSecond() % 1000, at, "PJSIP/agent-7-0001", "hotline");
    }

    @Test
    void aFirstCallIsSeenWithNothingBeforeItAndTheNextCallSeesIt() {
        assertThat(callers.arrived("5550100", NINE_AM, WEEK)).isEqualTo(Arrival.FIRST_CALL);

        Instant later = NINE_AM.plus(Duration.ofDays(2));
        assertThat(callers.arrived("5550100", later, WEEK)).isEqualTo(new Arrival.Seen(Optional.of(NINE_AM), false));
        assertThat(callers.arrived("5550100", later.plusSeconds(60), WEEK))
                .as("only the latest call is kept").isEqualTo(new Arrival.Seen(Optional.of(later), false));
    }

    @Test
    void aCallOlderThanTheWindowIsDeletedByTheNextArrivalOfAnyNumber() throws Exception {
        callers.arrived("5550100", NINE_AM, WEEK);

        callers.arrived("5550199", NINE_AM.plus(Duration.ofDays(8)), WEEK);

        assertThat(rows("recent_calls")).isEqualTo(1);
        assertThat(callers.arrived("5550100", NINE_AM.plus(Duration.ofDays(8)), WEEK)).isEqualTo(Arrival.FIRST_CALL);
    }

    @Test
    void aZeroWindowRemembersNothingAndForgetsEveryCall() throws Exception {
        callers.arrived("5550100", NINE_AM, WEEK);

        assertThat(callers.arrived("5550100", NINE_AM.plusSeconds(60), Duration.ZERO)).isEqualTo(Arrival.FIRST_CALL);
        assertThat(rows("recent_calls")).isZero();
    }

    @Test
    void aPendingCallbackToTheNumberOrBookedFromItMakesARepeatCallerUntilItIsDone() {
        long id = store.save(CallbackStoreContract.request("5550100")).id();

        assertThat(callers.arrived("5550100", NINE_AM, WEEK)).isEqualTo(new Arrival.Seen(Optional.empty(), true));
        store.markDone(id);
        assertThat(callers.arrived("5550100", NINE_AM.plusSeconds(60), WEEK))
                .isEqualTo(new Arrival.Seen(Optional.of(NINE_AM), false));
    }

    @Test
    void aBlockedNumberIsBlockedUntilItsTimeIsOverOrItIsRemoved() {
        callers.block("5550100", NINE_AM, Optional.of(NINE_AM.plus(Duration.ofDays(1))), "abusive, ticket 42", "ops");
        callers.block("5550111", NINE_AM, Optional.empty(), "robocaller", "ops");

        assertThat(callers.arrived("5550100", NINE_AM.plusSeconds(60), WEEK)).isEqualTo(new Arrival.Blocked());
        assertThat(callers.arrived("5550100", NINE_AM.plus(Duration.ofDays(1)), WEEK)).isInstanceOf(Arrival.Seen.class);
        assertThat(callers.arrived("5550111", NINE_AM.plus(Duration.ofDays(400)), WEEK)).isEqualTo(new Arrival.Blocked());
        assertThat(callers.unblock("5550111")).isTrue();
        assertThat(callers.unblock("5550111")).isFalse();
        assertThat(callers.arrived("5550111", NINE_AM.plus(Duration.ofDays(400)), WEEK)).isInstanceOf(Arrival.Seen.class);
    }

    @Test
    void theBlockListShowsWhatIsBlockedNowAndDeletesWhatIsOver() throws Exception {
        callers.block("5550100", NINE_AM, Optional.of(NINE_AM.plus(Duration.ofHours(1))), "auto: 3 reports", "auto");
        var forever = callers.block("5550111", NINE_AM, Optional.empty(), "robocaller", "ops");

        assertThat(callers.blocked(NINE_AM.plusSeconds(1))).hasSize(2);
        assertThat(callers.blocked(NINE_AM.plus(Duration.ofHours(2)))).containsExactly(forever);
        assertThat(rows("blocked_numbers")).isEqualTo(1);
    }

    @Test
    void blockingANumberAgainReplacesItsEntry() {
        callers.block("5550100", NINE_AM, Optional.of(NINE_AM.plus(Duration.ofHours(1))), "auto", "auto");
        callers.block("5550100", NINE_AM.plusSeconds(5), Optional.empty(), "for good", "ops");

        assertThat(callers.blocked(NINE_AM.plus(Duration.ofDays(1)))).singleElement()
                .extracting(CallerRecords.BlockEntry::reason).isEqualTo("for good");
    }

    @Test
    void reportsAreCountedPerNumberWithinTheWindowAndOldOnesDeleted() throws Exception {
        Instant monthAgo = NINE_AM.minus(Duration.ofDays(31));
        assertThat(callers.report(report("5550100", monthAgo), monthAgo, monthAgo)).isEqualTo(1);
        assertThat(callers.report(report("5550100", NINE_AM), NINE_AM.minus(Duration.ofDays(30)), monthAgo)).isEqualTo(1);
        assertThat(callers.report(report("5550199", NINE_AM), NINE_AM.minus(Duration.ofDays(30)), monthAgo)).isEqualTo(1);
        assertThat(callers.report(report("5550100", NINE_AM.plusSeconds(1)), monthAgo, monthAgo)).isEqualTo(3);

        callers.report(report("5550199", NINE_AM.plusSeconds(2)), NINE_AM, NINE_AM.minus(Duration.ofDays(1)));
        assertThat(rows("reports")).as("the one a month ago is past reports-keep").isEqualTo(4);
        assertThat(callers.reports(Optional.of("5550100"), 10)).extracting(CallerRecords.Report::at)
                .containsExactly(NINE_AM.plusSeconds(1), NINE_AM);
        assertThat(callers.reports(Optional.empty(), 1)).singleElement()
                .extracting(CallerRecords.Report::number).isEqualTo("5550199");
    }

    @Test
    void aWithheldNumberIsReportedUnderTheEmptyNumber() {
        callers.report(new AbuseReport("", "1700000000.3", NINE_AM, "PJSIP/agent-1", "hotline"), NINE_AM, NINE_AM);

        assertThat(callers.reports(Optional.empty(), 10)).singleElement()
                .isEqualTo(new CallerRecords.Report(1, NINE_AM, "", "1700000000.3", "PJSIP/agent-1", "hotline"));
    }

    @Test
    void fieldsOutOfBoundsAreRefusedBeforeTheyAreWritten() {
        assertThatThrownBy(() -> callers.arrived("555-0100", NINE_AM, WEEK)).hasMessageStartingWith("caller-number:");
        assertThatThrownBy(() -> callers.arrived("1".repeat(21), NINE_AM, WEEK)).hasMessageStartingWith("caller-number:");
        assertThatThrownBy(() -> callers.report(new AbuseReport("5550100", "x", NINE_AM, "a\r\nEvil: 1", "hotline"),
                NINE_AM, NINE_AM)).hasMessageStartingWith("agent:");
        assertThatThrownBy(() -> callers.block("5550100", NINE_AM, Optional.empty(), "r".repeat(201), "ops"))
                .hasMessageStartingWith("reason:");
        assertThatThrownBy(() -> callers.block("5550100", NINE_AM, Optional.of(NINE_AM), "r", "ops"))
                .hasMessageStartingWith("until:");
        assertThat(callers.blocked(NINE_AM)).isEmpty();
    }

    @Test
    void callbackRequestsAreCountedPerKeyUpToTheLimitWithinTheWindow() throws Exception {
        Instant since = NINE_AM.minus(Duration.ofHours(1));
        var caller = List.of("caller:5550100", "number:5550100");
        for (int i = 0; i < 3; i++) {
            assertThat(callers.admitRequest(caller, NINE_AM.plusSeconds(i), since, 3)).as("request %d", i + 1).isTrue();
        }

        assertThat(callers.admitRequest(caller, NINE_AM.plusSeconds(9), since, 3)).as("the fourth").isFalse();
        assertThat(callers.admitRequest(List.of("caller:5550199", "number:5550100"), NINE_AM.plusSeconds(9), since, 3))
                .as("another caller asking for the same number").isFalse();
        assertThat(callers.requestsSince("caller:5550199", since)).as("a refused request counts under no key").isZero();
        assertThat(callers.requestsSince("caller:5550100", since)).isEqualTo(3);
        assertThat(callers.admitRequest(List.of("number:5550101"), NINE_AM, since, 3)).as("another number").isTrue();
        assertThat(rows("callback_requests")).isEqualTo(7);
    }

    @Test
    void callbackRequestsFromBeforeTheWindowNoLongerCountAndAreDeleted() throws Exception {
        var caller = List.of("caller:5550100", "number:5550100");
        callers.admitRequest(caller, NINE_AM, NINE_AM.minus(Duration.ofHours(1)), 1);
        Instant hourLater = NINE_AM.plus(Duration.ofHours(1));

        assertThat(callers.requestsSince("caller:5550100", hourLater.minus(Duration.ofHours(1))))
                .as("exactly one window old: out").isZero();
        assertThat(callers.admitRequest(caller, hourLater, hourLater.minus(Duration.ofHours(1)), 1)).isTrue();
        assertThat(rows("callback_requests")).as("the old pair deleted, the new pair kept").isEqualTo(2);
    }

    @Test
    void twoNodesOnOneDatabaseAdmittingAtOnceNeverCountPastTheLimit() throws Exception {
        try (CallbackStore other = CallbackStore.open(config(), clock)) {
            var nodes = List.of(callers, other.callers());
            var admitted = new java.util.concurrent.atomic.AtomicInteger();
            try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 24; i++) {
                    CallerRecords node = nodes.get(i % 2);
                    threads.submit(() -> {
                        if (node.admitRequest(List.of("caller:5550100", "number:5550100"), NINE_AM, NINE_AM.minusSeconds(60), 3)) {
                            admitted.incrementAndGet();
                        }
                        return null;
                    });
                }
            }
            assertThat(admitted.get()).isEqualTo(3);
            assertThat(other.callers().requestsSince("number:5550100", NINE_AM.minusSeconds(60))).isEqualTo(3);
        }
    }

    @Test
    void aRequestKeyThatIsNotACallerOrANumberOfDigitsIsRefusedBeforeItIsWritten() throws Exception {
        for (String key : List.of("caller:+15550100", "number:5550100\r\nx", "caller:", "5550100", "number:" + "1".repeat(21))) {
            assertThatThrownBy(() -> callers.admitRequest(List.of(key), NINE_AM, NINE_AM, 3)).as(key)
                    .hasMessageStartingWith("request key:");
        }
        assertThat(rows("callback_requests")).isZero();
    }

    private long rows(String table) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(config().jdbcUrl(), config().user(), config().password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
