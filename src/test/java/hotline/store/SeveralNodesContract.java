package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What several nodes on one database rely on (docs/operations.md#several-nodes): the dialler's lease
 * on a claim, renewed while the call rings and returned when its node is gone, and the shared
 * arrival order in queues. Run on SQLite and on a real PostgreSQL like the rest of the contract.
 */
abstract class SeveralNodesContract extends CallbackQueuesContract {

    static final Duration ARRIVAL_LEASE = Duration.ofSeconds(30);

    final Claimant nodeA = Claimant.of("node-a");
    final Claimant nodeB = Claimant.of("node-b");

    private CallbackRequest claimedBy(Claimant node) {
        return store.claimNext(CallbackQueue.of("hotline"), node, 1).orElseThrow();
    }

    @Test
    void aClaimRenewedByItsLiveNodeIsNotReleasedWhenTheLeaseFromTheClaimRunsOut() {
        store.save(request("0602001"));
        var dialling = claimedBy(nodeA);
        Duration lease = store.claimLease();

        clock.advance(lease.minusSeconds(1));
        assertThat(store.renewClaims(nodeA, Map.of(dialling.id(), dialling.attempts()))).containsExactly(dialling.id());
        clock.advance(Duration.ofSeconds(2)); // past the lease counted from the claim, within the renewal's
        assertThat(store.releaseStaleClaims()).isZero();
        assertThat(store.find(dialling.id()).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);

        clock.advance(lease);
        assertThat(store.releaseStaleClaims()).isEqualTo(1);
    }

    @Test
    void aDeadNodesClaimGoesBackWithinTheLeaseAndTheOtherNodeDialsItOnceAsTheNextAttempt() {
        long id = store.save(request("0602002")).id();
        var dialling = claimedBy(nodeA); // node A is SIGKILLed now: nobody renews its claim
        try (var otherNode = CallbackStore.open(config(), clock)) {
            clock.advance(store.claimLease().minusMillis(1));
            assertThat(otherNode.releaseStaleClaims()).isZero();
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).isEmpty();

            clock.advance(Duration.ofMillis(2));
            assertThat(otherNode.releaseStaleClaims()).isEqualTo(1);
            clock.advance(config().retryAfter());
            var again = otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1).orElseThrow();

            assertThat(again.id()).isEqualTo(id);
            assertThat(again.attempts()).isEqualTo(dialling.attempts() + 1);
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeA, 5)).isEmpty();
            // node A back from a long pause: its renewal finds the claim gone, and its late answer is refused
            assertThat(store.renewClaims(nodeA, Map.of(id, dialling.attempts()))).isEmpty();
            assertThatThrownBy(() -> store.recordAttempt(id, dialling.attempts(), AttemptResult.reached()))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(otherNode.renewClaims(nodeB, Map.of(id, again.attempts()))).containsExactly(id);
        }
    }

    @Test
    void aRenewalHoldsOnlyTheNodesOwnOpenAttempts() {
        store.save(request("0602003"));
        store.save(request("0602004"));
        var mine = store.claimNext(CallbackQueue.of("hotline"), nodeA, 2).orElseThrow();
        var theirs = store.claimNext(CallbackQueue.of("hotline"), nodeB, 2).orElseThrow();
        store.recordAttempt(mine.id(), mine.attempts(), AttemptResult.reached());

        assertThat(store.renewClaims(nodeA, Map.of(mine.id(), mine.attempts(), theirs.id(), theirs.attempts()))).isEmpty();
        assertThat(store.renewClaims(nodeB, Map.of(theirs.id(), theirs.attempts() + 1))).isEmpty();
        assertThat(store.renewClaims(nodeB, Map.of())).isEmpty();
    }

    /** The dialler's hold: the callee hears the ~8 s intro, then the dialplan reports it queued. */
    static final Duration INTRO_HOLD = Duration.ofMinutes(1);

    private CallbackRequest answeredOnNodeA(String number) {
        var dialling = claimedBy(nodeA);
        assertThat(dialling.number().digits()).isEqualTo(number);
        return store.recordAttempt(dialling.id(), dialling.attempts(), AttemptResult.reachedHolding(INTRO_HOLD));
    }

    @Test
    void nodeAsAnsweredCallbackStillInItsIntroHoldsTheOneFreeAgentAgainstNodeB() {
        store.save(request("0602101"));
        long next = store.save(request("0602102")).id();
        try (var otherNode = CallbackStore.open(config(), clock)) {
            var answered = answeredOnNodeA("0602101");
            assertThat(answered.state()).isEqualTo(CallbackState.DONE);

            clock.advance(Duration.ofSeconds(5)); // node B's round: Asterisk still shows the agent idle
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).isEmpty();
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 2)).map(CallbackRequest::id).contains(next);
        }
    }

    @Test
    void theCalleeReachingTheQueueFreesTheAgentForEveryNodeOnce() {
        store.save(request("0602103"));
        long next = store.save(request("0602104")).id();
        try (var otherNode = CallbackStore.open(config(), clock)) {
            long answered = answeredOnNodeA("0602103").id();

            assertThat(otherNode.endHolding(answered)).isTrue(); // node B saw HotlineCallbackQueued first
            assertThat(store.endHolding(answered)).isFalse();
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).map(CallbackRequest::id).contains(next);
        }
    }

    @Test
    void theCalleeReachingTheQueueKeepsTheAgentHeldForTheSettleOnlyThenFreesItForEveryNode() {
        store.save(request("0602111"));
        long next = store.save(request("0602112")).id();
        try (var otherNode = CallbackStore.open(config(), clock)) {
            long answered = answeredOnNodeA("0602111").id();

            assertThat(otherNode.endHolding(answered, Duration.ofSeconds(2))).isTrue();
            assertThat(store.endHolding(answered, Duration.ofSeconds(2))).as("never later, and once").isFalse();
            clock.advance(Duration.ofMillis(1999));
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).isEmpty();
            clock.advance(Duration.ofMillis(1));
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).map(CallbackRequest::id).contains(next);
            assertThat(store.endHolding(answered, Duration.ofSeconds(2))).as("a hold that ran out is not made again").isFalse();
        }
    }

    @Test
    void aHoldWhoseNodeWasKilledEndsWhenItsLeaseRunsOut() {
        store.save(request("0602105"));
        long next = store.save(request("0602106")).id();
        try (var otherNode = CallbackStore.open(config(), clock)) {
            answeredOnNodeA("0602105"); // node A is SIGKILLed in the intro; the queued event is lost with it

            clock.advance(INTRO_HOLD.minusMillis(1));
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).isEmpty();
            clock.advance(Duration.ofMillis(1));
            assertThat(otherNode.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).map(CallbackRequest::id).contains(next);
        }
    }

    @Test
    void aHoldCountsInItsOwnQueueOnlyAndAReachedWithoutOneHoldsNothing() {
        store.save(request("0602107", "complex", CallbackQueue.of("teamlead")));
        long agents = store.save(request("0602108")).id();
        var lead = store.claimNext(CallbackQueue.of("teamlead"), nodeA, 1).orElseThrow();
        store.recordAttempt(lead.id(), lead.attempts(), AttemptResult.reachedHolding(INTRO_HOLD));

        var claimed = store.claimNext(CallbackQueue.of("hotline"), nodeB, 1).orElseThrow();
        assertThat(claimed.id()).isEqualTo(agents);
        store.recordAttempt(claimed.id(), claimed.attempts(), AttemptResult.reached());
        store.save(request("0602109"));
        assertThat(store.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).isPresent();
        assertThat(store.endHolding(claimed.id())).isFalse();
        assertThatThrownBy(() -> AttemptResult.reachedHolding(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLateAnswerToAnAttemptClosedAsNoResponseStillHoldsTheAgent() {
        store.save(request("0602110"));
        var dialling = claimedBy(nodeA);
        store.recordAttempt(dialling.id(), dialling.attempts(), AttemptResult.notReached(AttemptResult.NO_RESPONSE));
        store.recordAttempt(dialling.id(), dialling.attempts(), AttemptResult.reachedHolding(INTRO_HOLD));
        store.save(request("0602111")); // due at once; the answered callee is in its intro

        assertThat(store.claimNext(CallbackQueue.of("hotline"), nodeB, 1)).isEmpty();
    }

    private QueueArrivals arrivals() {
        return ((JdbcCallbackStore) store).queueArrivals();
    }

    private int place(String call, String node) {
        Instant now = clock.instant();
        return arrivals().placeFor("hotline", call, node, now, now, now.plus(ARRIVAL_LEASE));
    }

    @Test
    void callersKeepTheirArrivalOrderWhicheverNodeServesThem() {
        assertThat(place("a-1", "node-a")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(place("b-1", "node-b")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(place("a-2", "node-a")).isEqualTo(3);

        clock.advance(Duration.ofSeconds(10)); // a-1 heard a prompt and re-enters: still first
        assertThat(place("a-1", "node-a")).isEqualTo(1);
        assertThat(place("b-1", "node-b")).isEqualTo(2);

        arrivals().leave("hotline", "a-1"); // an agent answered a-1
        assertThat(place("b-1", "node-b")).isEqualTo(1);
        arrivals().leaveAll("b-1");
        assertThat(place("a-2", "node-a")).isEqualTo(1);
    }

    @Test
    void theQueuesKeepSeparateLines() {
        Instant now = clock.instant();
        arrivals().placeFor("teamlead", "a-1", "node-a", now, now, now.plus(ARRIVAL_LEASE));

        assertThat(place("b-1", "node-b")).isEqualTo(1);
    }

    @Test
    void aDeadNodesCallersStopCountingWhenTheirLeaseRunsOut() {
        place("a-1", "node-a");
        clock.advance(Duration.ofSeconds(1));
        place("b-1", "node-b");
        clock.advance(ARRIVAL_LEASE.minusSeconds(5));
        assertThat(arrivals().renew("node-b", List.of("b-1"), clock.instant().plus(ARRIVAL_LEASE))).isEqualTo(1);
        assertThat(arrivals().renew("node-b", List.of("a-1"), clock.instant().plus(ARRIVAL_LEASE))).isZero();

        clock.advance(Duration.ofSeconds(10)); // node A renewed nothing: a-1's lease ran out
        assertThat(place("b-1", "node-b")).isEqualTo(1);
        assertThat(arrivals().forgetExpired(clock.instant())).isEqualTo(1);
        assertThat(arrivals().forgetExpired(clock.instant())).isZero();
    }

    @Test
    void aRenewalOfManyLiveCallsRenewsEachOnce() {
        var calls = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "call-" + i).toList();
        calls.forEach(c -> place(c, "node-a"));

        assertThat(arrivals().renew("node-a", calls, clock.instant().plus(ARRIVAL_LEASE))).isEqualTo(250);
    }

    @Test
    void anArrivalWithAnUncheckedKeyIsRefusedBeforeTheDatabase() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> arrivals().placeFor("hotline", "x".repeat(65), "node-a", now, now, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("call-id");
        assertThatThrownBy(() -> arrivals().placeFor("hot\nline", "a-1", "node-a", now, now, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue");
    }

    @Test
    void onlyAPostgresStoreSharesItsArrivalsWithOtherNodes() {
        assertThat(store.sharedQueueArrivals().isPresent()).isEqualTo(config().jdbcUrl().startsWith("jdbc:postgresql:"));
    }
}
