package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CallbackStore} must do, run against SQLite (unit test) and a real
 * PostgreSQL (integration test). Each test starts from an empty database.
 */
abstract class CallbackStoreContract {

    // further cases: CallbackStoreFaultsContract (exactly-once attempts, one pending per number, bad rows)

    static final Instant NINE_AM = Instant.parse("2026-11-24T09:00:00Z");

    /** The team lead's line, as the server opens the store with inbound.complaint.queue. */
    static final java.util.Set<CallbackQueue> OUTRANKING = java.util.Set.of(CallbackQueue.of("teamlead"));

    final TestClock clock = new TestClock(NINE_AM);
    CallbackStore store;

    /** A store config on an empty database, the same one on every call within a test. */
    abstract Store config();

    @BeforeEach
    void openStore() {
        store = CallbackStore.open(config(), clock, OUTRANKING);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static NewCallback request(String number) {
        return request(number, "simple", CallbackQueue.of("hotline"));
    }

    static NewCallback request(String number, String reason, CallbackQueue queue) {
        return new NewCallback(CallbackNumber.of(number), "ko", reason, queue, Optional.empty(),
                CallerDetails.of(number, Duration.ofMinutes(3)));
    }

    private List<Long> saveAll(String... numbers) {
        return java.util.Arrays.stream(numbers).map(n -> store.save(request(n)).id()).toList();
    }

    @Test
    void aSavedRequestComesBackPendingWithItsPromisedReplyTime() {
        var asked = new NewCallback(CallbackNumber.of("01012345678"), "ko", "complex", CallbackQueue.of("teamlead"),
                Optional.of("callbacks/2026-11-24/statement-17"), CallerDetails.of("Kim <01012345678>",
                Duration.ofSeconds(95)));

        CallbackRequest saved = store.save(asked);

        assertThat(saved.state()).isEqualTo(CallbackState.PENDING);
        assertThat(saved.createdAt()).isEqualTo(NINE_AM);
        assertThat(saved.promisedBy()).isEqualTo(NINE_AM.plus(Duration.ofHours(24)));
        assertThat(saved.request()).isEqualTo(asked);
        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void eachReasonGetsThePromiseTheConfigGivesIt() {
        assertThat(store.save(request("0611", "simple", CallbackQueue.of("hotline"))).promisedBy())
                .isEqualTo(NINE_AM.plus(Duration.ofHours(2)));
        assertThat(store.save(request("0612", "complaint", CallbackQueue.of("teamlead"))).promisedBy())
                .isEqualTo(NINE_AM.plus(Duration.ofHours(2)));
    }

    @Test
    void aReasonWithoutAPromiseIsRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> store.save(request("0611", "gossip", CallbackQueue.of("hotline"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reason: 'gossip' has no promised reply time");
        assertThat(store.list(CallbackFilter.all())).isEmpty();
    }

    @Test
    void callbacksAreDialledInArrivalOrder() {
        List<Long> ids = saveAll("0601", "0602", "0603", "0604");

        var dialled = IntStream.range(0, 4).mapToObj(i -> store.claimNext(CallbackQueue.of("hotline")).orElseThrow().id())
                .toList();

        assertThat(dialled).containsExactlyElementsOf(ids);
        assertThat(store.claimNext(CallbackQueue.of("hotline"))).isEmpty();
    }

    @Test
    void theTeamLeadsLineIsSeparateFromTheAgents() {
        long agents = store.save(request("0601", "simple", CallbackQueue.of("hotline"))).id();
        long lead = store.save(request("0602", "complaint", CallbackQueue.of("teamlead"))).id();

        assertThat(store.nextInLine(CallbackQueue.of("teamlead")).orElseThrow().id()).isEqualTo(lead);
        assertThat(store.nextInLine(CallbackQueue.of("hotline")).orElseThrow().id()).isEqualTo(agents);
    }

    @Test
    void anUnansweredCallbackWaitsRetryAfterThenKeepsItsPlaceAheadOfLaterOnes() {
        long first = store.save(request("0601")).id();
        store.claim(first).orElseThrow();
        store.recordAttempt(first, new AttemptResult.NotReached("no-answer"));
        long second = store.save(request("0602")).id();

        assertThat(store.nextInLine(CallbackQueue.of("hotline")).orElseThrow().id()).isEqualTo(second);
        clock.advance(config().retryAfter());
        assertThat(store.nextInLine(CallbackQueue.of("hotline")).orElseThrow().id()).isEqualTo(first);
    }

    @Test
    void aCallbackIsTriedMaxAttemptsTimesThenFailed() {
        long id = store.save(request("0601")).id();
        int max = config().maxAttempts();

        CallbackRequest after = null;
        for (int attempt = 1; attempt <= max; attempt++) {
            assertThat(store.claimNext(CallbackQueue.of("hotline"))).map(CallbackRequest::id).contains(id);
            after = store.recordAttempt(id, new AttemptResult.NotReached("busy"));
            clock.advance(config().retryAfter());
        }

        assertThat(after.state()).isEqualTo(CallbackState.FAILED);
        assertThat(after.attempts()).isEqualTo(max);
        assertThat(after.lastResult()).contains("busy");
        assertThat(after.lastAttemptAt()).contains(clock.instant().minus(config().retryAfter()));
        assertThat(store.claimNext(CallbackQueue.of("hotline"))).isEmpty();
    }

    @Test
    void reachingTheCallerMakesTheCallbackDone() {
        long id = store.save(request("0601")).id();
        store.claim(id).orElseThrow();

        CallbackRequest after = store.recordAttempt(id, new AttemptResult.Reached());

        assertThat(after.state()).isEqualTo(CallbackState.DONE);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastResult()).contains("reached");
    }

    @Test
    void anAttemptOnACallbackNobodyClaimedIsRefused() {
        long id = store.save(request("0601")).id();

        assertThatThrownBy(() -> store.recordAttempt(id, new AttemptResult.Reached()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("callback " + id + " is PENDING after attempt 0, not DIALLING attempt 0: "
                        + "claim it before recording an attempt");
        assertThat(store.find(id).orElseThrow().attempts()).isZero();
    }

    @Test
    void whenTwoConnectionsClaimTheSameCallbackOnlyOneWins() throws Exception {
        try (var otherNode = CallbackStore.open(config(), clock); var threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 25; round++) {
                long id = store.save(request("0601")).id();
                var start = new CountDownLatch(1);
                Future<Optional<CallbackRequest>> a = threads.submit(() -> {
                    start.await();
                    return store.claim(id);
                });
                Future<Optional<CallbackRequest>> b = threads.submit(() -> {
                    start.await();
                    return otherNode.claim(id);
                });
                start.countDown();

                assertThat(List.of(a.get(), b.get())).filteredOn(Optional::isPresent).hasSize(1);
                assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
            }
        }
    }

    @Test
    void twoNodesWorkingTheSameLineDialEachCallbackExactlyOnce() throws Exception {
        List<Long> ids = saveAll(IntStream.range(0, 40).mapToObj(i -> "06000" + (10 + i)).toArray(String[]::new));
        var dialled = new ConcurrentLinkedQueue<Long>();
        var start = new CountDownLatch(1);
        try (var otherNode = CallbackStore.open(config(), clock); var threads = Executors.newFixedThreadPool(2)) {
            for (CallbackStore node : List.of(store, otherNode)) {
                threads.submit(() -> {
                    start.await();
                    Optional<CallbackRequest> next;
                    while ((next = node.claimNext(CallbackQueue.of("hotline"))).isPresent()) {
                        dialled.add(next.get().id());
                    }
                    return null;
                });
            }
            start.countDown();
        }

        assertThat(dialled).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void twoNodesThatSeeTheSameOneIdleAgentPlaceOneCallbackForItNotTwo() throws Exception {
        saveAll(IntStream.range(0, 10).mapToObj(i -> "06100" + (10 + i)).toArray(String[]::new));
        var claimed = new ConcurrentLinkedQueue<Long>();
        var start = new CountDownLatch(1);
        try (var otherNode = CallbackStore.open(config(), clock); var threads = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                CallbackStore node = t % 2 == 0 ? store : otherNode;
                Claimant who = Claimant.of("node-" + (t % 2));
                threads.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) { // every round sees one ready agent
                        node.claimNext(CallbackQueue.of("hotline"), who, 1).ifPresent(c -> claimed.add(c.id()));
                    }
                    return null;
                });
            }
            start.countDown();
        }

        assertThat(claimed).hasSize(1);
        assertThat(store.list(CallbackFilter.all())).filteredOn(c -> c.state() == CallbackState.DIALLING).hasSize(1);
    }

    @Test
    void withTwoReadyAgentsASecondCallbackIsPlacedAndAThirdWaitsUntilOneEnds() {
        saveAll("0610201", "0610202", "0610203");
        Claimant node = Claimant.of("node-a");

        var first = store.claimNext(CallbackQueue.of("hotline"), node, 2).orElseThrow();
        assertThat(store.claimNext(CallbackQueue.of("hotline"), node, 2)).isPresent();
        assertThat(store.claimNext(CallbackQueue.of("hotline"), node, 2)).isEmpty();
        store.recordAttempt(first.id(), first.attempts(), AttemptResult.reached());
        assertThat(store.claimNext(CallbackQueue.of("hotline"), node, 2)).isPresent();
        assertThat(store.claimNext(CallbackQueue.of("hotline"), node, 0)).isEmpty();
    }

    @Test
    void aClaimLeftByADeadNodeGoesBackInLineAfterTheClaimTimeoutWithItsAttemptCounted() {
        long id = store.save(request("0601")).id();
        store.claim(id).orElseThrow();

        assertThat(store.releaseStaleClaims()).isZero();
        clock.advance(config().claimTimeout().plusSeconds(1));
        assertThat(store.releaseStaleClaims()).isEqualTo(1);
        assertThat(store.find(id).orElseThrow()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallbackState.PENDING);
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.lastResult()).contains("interrupted");
        });
        assertThat(store.nextInLine(CallbackQueue.of("hotline"))).isEmpty(); // not before retry-after
        clock.advance(config().retryAfter());
        assertThat(store.nextInLine(CallbackQueue.of("hotline"))).map(CallbackRequest::id).contains(id);
    }

    @Test
    void aCallbackThatFailedInterruptedIsAskedAboutForADayAfterItsLastAttemptThenNoLonger() {
        long id = store.save(request("0602")).id();
        for (int i = 0; i < config().maxAttempts(); i++) { // every attempt's node dies mid-dial
            store.claim(id).orElseThrow();
            clock.advance(config().claimTimeout().plusSeconds(1));
            assertThat(store.releaseStaleClaims()).isEqualTo(1);
        }
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.FAILED);
        assertThat(store.interrupted()).map(CallbackRequest::id).containsExactly(id);

        clock.advance(java.time.Duration.ofDays(1));
        assertThat(store.interrupted()).as("an answer is marked during the attempt or never").isEmpty();
    }

    @Test
    void opsCanCloseACallbackByHandAndAnUnknownIdIsEmpty() {
        long id = store.save(request("0601")).id();

        assertThat(store.markDone(id)).map(CallbackRequest::state).contains(CallbackState.DONE);
        assertThat(store.markDone(id + 1000)).isEmpty();
        assertThat(store.nextInLine(CallbackQueue.of("hotline"))).isEmpty();
    }

    @Test
    void listFiltersByStateAndQueueInArrivalOrder() {
        long a = store.save(request("0601")).id();
        long b = store.save(request("0602", "complaint", CallbackQueue.of("teamlead"))).id();
        long c = store.save(request("0603")).id();
        store.markDone(c);

        assertThat(store.list(CallbackFilter.all())).extracting(CallbackRequest::id).containsExactly(a, b, c);
        assertThat(store.list(CallbackFilter.inState(CallbackState.PENDING))).extracting(CallbackRequest::id)
                .containsExactly(a, b);
        assertThat(store.list(CallbackFilter.inState(CallbackState.PENDING).inQueue(CallbackQueue.of("teamlead"))))
                .extracting(CallbackRequest::id).containsExactly(b);
    }

    @Test
    void migratingAnUpToDateSchemaAppliesNothingAndKeepsTheData() {
        long id = store.save(request("0601")).id();
        Dialect dialect = Dialect.of(config().jdbcUrl());

        int applied = Migrations.migrate(dialect.dataSource(config()), dialect);

        assertThat(applied).isZero();
        try (var reopened = CallbackStore.open(config(), clock)) {
            assertThat(reopened.find(id)).isPresent();
        }
    }

    @Test
    void theExportsCarryEveryCallbackInBothFormats() {
        store.save(request("0601"));
        store.save(new NewCallback(CallbackNumber.of("0602"), "es", "complaint", CallbackQueue.of("teamlead"),
                Optional.of("callbacks/s-2"), CallerDetails.of("Ruiz, \"Ana\"", Duration.ofSeconds(61))));

        String csv = Exports.of(store, ExportFormat.CSV);
        String json = Exports.of(store, ExportFormat.JSON);

        assertThat(csv.lines()).hasSize(3).first().asString().startsWith("id,created-at,callback-number,");
        assertThat(csv).contains(",0602,es,complaint,2026-11-24T11:00:00Z,teamlead,pending,0,,,callbacks/s-2,"
                + "\"Ruiz, \"\"Ana\"\"\",61\r\n");
        assertThat(Exports.parseJson(json)).hasSize(2).last()
                .satisfies(m -> assertThat(m).containsEntry("caller-id", "Ruiz, \"Ana\"")
                        .containsEntry("queue", "teamlead").containsEntry("waited-s", 61)
                        .containsEntry("last-attempt-at", null));
    }

    @Test
    void aSavedCallbackSurvivesTheSavingProcessBeingKilledAtOnce() throws Exception {
        long id = ChildProcess.saveThenKill(config());

        try (var reopened = CallbackStore.open(config(), clock)) {
            assertThat(reopened.find(id)).hasValueSatisfying(c -> {
                assertThat(c.state()).isEqualTo(CallbackState.PENDING);
                assertThat(c.number()).isEqualTo(CallbackNumber.of("0611223344"));
                assertThat(c.recording()).contains("callbacks/statement-1");
            });
        }
    }
}
