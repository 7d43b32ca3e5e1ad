package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Dialler;
import hotline.config.Store;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.Claimant;
import hotline.store.NewCallback;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dialler's lease on its claims with several nodes on one store: renewed every round while the
 * call rings (a slow dial is never taken back from a live node), returned soon after a dead node's
 * lease runs out, and let go when the store took it back while this node was cut off. An answered
 * callee still hearing the intro holds its agent against the other node too, until it is queued or
 * the hold runs out.
 */
class DiallerLeaseTest {

    static final Duration LEASE = Duration.ofMinutes(1);

    private final CallbackDiallerTest.MovableClock clock = new CallbackDiallerTest.MovableClock();
    private final FakeSwitchboard board = new FakeSwitchboard();
    /** Rings for 2 min, longer than the lease: only the renewal keeps the claim. */
    private final Dialler slowDials = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
            Duration.ofSeconds(1), Duration.ofSeconds(120), Duration.ofSeconds(90), "node-a");
    private String url;
    private CallbackStore store;
    private CallbackStore otherNode;

    @BeforeEach
    void open() throws Exception {
        url = "jdbc:sqlite:" + Files.createTempDirectory("lease").resolve("hotline.db");
        store = CallbackStore.open(storeConfig(), clock);
        otherNode = CallbackStore.open(storeConfig(), clock);
    }

    private Store storeConfig() {
        return new Store(url, null, null, 3, Duration.ofMinutes(1), LEASE, null);
    }

    @AfterEach
    void close() {
        otherNode.close();
        store.close();
    }

    private long save(String number) {
        clock.advance(Duration.ofSeconds(1));
        return store.save(new NewCallback(CallbackNumber.of(number), "en", "simple", CallbackQueue.of("hotline"),
                Optional.empty(), CallerDetails.of(number, Duration.ofSeconds(30)))).id();
    }

    @Test
    void aSlowDialIsNeverTakenBackByAnotherNodeWhileItsNodeLives() {
        long id = save("5550101");
        board.line("hotline", 1, 0);
        var dialler = new CallbackDialler(slowDials, store, board, clock);
        dialler.tick();
        assertThat(board.placedIds()).containsExactly(id);

        for (int second = 5; second <= 110; second += 5) { // the call rings on, no answer yet
            clock.advance(Duration.ofSeconds(5));
            dialler.tick();
            assertThat(otherNode.releaseStaleClaims()).as("released %d s into the dial", second).isZero();
        }
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
        assertThat(board.placedIds()).containsExactly(id);

        board.report(new DialEvent.Answered(id, 1));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.DONE);
    }

    @Test
    void aDeadNodesClaimIsBackInLineWithinAQuarterOfTheLeaseAfterItRanOut() {
        long id = save("5550102");
        otherNode.claimNext(CallbackQueue.of("hotline"), Claimant.of("node-b"), 1).orElseThrow(); // node B dies now
        board.line("hotline", 1, 0);
        var dialler = new CallbackDialler(slowDials, store, board, clock);

        Duration since = Duration.ZERO;
        while (store.find(id).orElseThrow().state() == CallbackState.DIALLING && since.toMinutes() < 5) {
            dialler.tick();
            clock.advance(Duration.ofSeconds(1));
            since = since.plusSeconds(1);
        }

        assertThat(since).isGreaterThan(LEASE).isLessThanOrEqualTo(LEASE.plus(LEASE.dividedBy(4)).plusSeconds(1));
        assertThat(store.find(id).orElseThrow().lastResult()).contains("interrupted");
    }

    @Test
    void aClaimTakenBackWhileThisNodeWasCutOffNoLongerHoldsItsAgent() {
        long first = save("5550103");
        board.line("hotline", 1, 0);
        var dialler = new CallbackDialler(slowDials, store, board, clock);
        dialler.tick();
        clock.advance(LEASE.plusSeconds(1)); // no round ran: this node could not reach the database
        assertThat(otherNode.releaseStaleClaims()).isEqualTo(1);
        long second = save("5550104");

        dialler.tick(); // the renewal finds the claim gone: the one ready agent is free for the next callback

        assertThat(board.placedIds()).containsExactly(first, second);
        assertThat(store.find(first).orElseThrow().state()).isEqualTo(CallbackState.PENDING);
        assertThat(store.find(second).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
    }

    @Test
    void anAnsweredCallbackStillHearingItsIntroKeepsHoldingTheAgentThroughARound() {
        long first = save("5550105");
        save("5550106");
        board.line("hotline", 1, 0);
        var dialler = new CallbackDialler(slowDials, store, board, clock);
        dialler.tick();
        board.report(new DialEvent.Answered(first, 1)); // DONE in the store; the callee hears the intro

        clock.advance(Duration.ofSeconds(5));
        dialler.tick();

        assertThat(board.placedIds()).containsExactly(first);
    }

    /** Node B's dialler on the other store, hearing the same Asterisk (the UserEvents reach every node). */
    private CallbackDialler nodeB() {
        return new CallbackDialler(new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
                Duration.ofSeconds(1), Duration.ofSeconds(120), Duration.ofSeconds(90), "node-b"), otherNode, board, clock);
    }

    @Test
    void anotherNodePlacesNothingForTheAgentWhileNodeAsAnsweredCalleeHearsTheIntro() {
        long first = save("5550107");
        long second = save("5550108");
        board.line("hotline", 1, 0); // both nodes see the one agent idle until the callee is queued
        var nodeA = new CallbackDialler(slowDials, store, board, clock);
        var nodeB = nodeB();
        nodeA.tick();
        board.report(new DialEvent.Answered(first, 1));

        for (int round = 0; round < 3; round++) { // the ~8 s intro
            clock.advance(Duration.ofSeconds(3));
            nodeB.tick();
        }
        assertThat(board.placedIds()).containsExactly(first);

        board.report(new DialEvent.Queued(first));
        clock.advance(CallbackDialler.QUEUED_SETTLE);
        nodeB.tick();
        assertThat(board.placedIds()).containsExactly(first, second);
    }

    @Test
    void aNodeKilledWhileItsCalleeHearsTheIntroHoldsTheAgentOnlyUntilTheHoldRunsOut() {
        long first = save("5550109");
        long second = save("5550110");
        board.line("hotline", 1, 0);
        new CallbackDialler(slowDials, store, board, clock).tick();
        board.report(new DialEvent.Answered(first, 1)); // node A dies now; no queued event reaches anyone
        var nodeB = nodeB();

        clock.advance(CallbackDialler.INTRO_ALLOWANCE.minusSeconds(1));
        nodeB.tick();
        assertThat(board.placedIds()).containsExactly(first);
        clock.advance(Duration.ofSeconds(1));
        nodeB.tick();
        assertThat(board.placedIds()).containsExactly(first, second);
    }
}
