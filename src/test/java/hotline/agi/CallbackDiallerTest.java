package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.Dialler;
import hotline.config.Store;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dialler's decisions against a fake switchboard and a real SQLite store. */
class CallbackDiallerTest {

    private final MovableClock clock = new MovableClock();
    private final FakeSwitchboard board = new FakeSwitchboard();
    private final Dialler config = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
            Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(90));
    private CallbackStore store;
    private CallbackDialler dialler;

    @BeforeEach
    void open() throws Exception {
        var url = "jdbc:sqlite:" + Files.createTempDirectory("dialler").resolve("hotline.db");
        store = CallbackStore.open(new Store(url, null, null, 2, Duration.ofMinutes(1), null, null), clock);
        dialler = new CallbackDialler(config, store, board, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long save(String number, CallbackQueue queue) {
        clock.advance(Duration.ofSeconds(1));
        return store.save(new NewCallback(CallbackNumber.of(number), "zh", "simple", queue,
                queue.equals(CallbackQueue.of("teamlead")) ? Optional.of("hotline-recordings/k-statement") : Optional.empty(),
                CallerDetails.of(number, Duration.ofSeconds(75)))).id();
    }

    @Test
    void aReadyAgentAndNobodyWaitingGetsTheOldestCallbackFirst() {
        long first = save("5550001", CallbackQueue.of("hotline"));
        save("5550002", CallbackQueue.of("hotline"));
        board.line("hotline", 1, 0);

        dialler.tick();

        assertThat(board.placedIds()).containsExactly(first);
        assertThat(board.placed.getFirst().channel()).isEqualTo("Local/5550001@callback-robots");
        assertThat(board.placed.getFirst().ringFor()).isEqualTo(Duration.ofSeconds(20));
        assertThat(store.find(first).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
    }

    @Test
    void callbacksArePlacedBackOneAfterAnotherInArrivalOrder() {
        long a = save("5550001", CallbackQueue.of("hotline"));
        long b = save("5550002", CallbackQueue.of("hotline"));
        long c = save("5550003", CallbackQueue.of("hotline"));
        board.line("hotline", 1, 0);

        for (long id : new long[] {a, b, c}) {
            dialler.tick();
            board.report(new DialEvent.Answered(id, 1));
            board.report(new DialEvent.Queued(id));
            clock.advance(CallbackDialler.QUEUED_SETTLE);
        }

        assertThat(board.placedIds()).containsExactly(a, b, c);
        assertThat(store.find(c).orElseThrow().state()).isEqualTo(CallbackState.DONE);
    }

    @Test
    void nothingIsPlacedWhileALiveCallerWaitsInThatQueue() {
        long waitingCallback = save("5550001", CallbackQueue.of("hotline"));
        board.line("hotline", 1, 1);

        dialler.tick();

        assertThat(board.placed).isEmpty();
        assertThat(store.find(waitingCallback).orElseThrow().state()).isEqualTo(CallbackState.PENDING);
    }

    @Test
    void aCallbackRingingOrHearingItsIntroHoldsTheReadyAgentUntilItIsQueuedAndTheAgentsStateSettles() {
        long a = save("5550001", CallbackQueue.of("hotline"));
        long b = save("5550002", CallbackQueue.of("hotline"));
        board.line("hotline", 1, 0);

        dialler.tick();
        board.report(new DialEvent.Answered(a, 1));
        dialler.tick();
        assertThat(board.placedIds()).containsExactly(a);

        board.report(new DialEvent.Queued(a));
        clock.advance(CallbackDialler.QUEUED_SETTLE.minusMillis(1));
        dialler.tick();
        assertThat(board.placedIds()).as("Asterisk still shows the agent ready while it connects").containsExactly(a);
        clock.advance(Duration.ofMillis(1));
        dialler.tick();
        assertThat(board.placedIds()).containsExactly(a, b);
    }

    @Test
    void twoReadyAgentsTakeTheTwoOldestCallbacksInOneRound() {
        long a = save("5550001", CallbackQueue.of("hotline"));
        long b = save("5550002", CallbackQueue.of("hotline"));
        save("5550003", CallbackQueue.of("hotline"));
        board.line("hotline", 2, 0);

        dialler.tick();

        assertThat(board.placedIds()).containsExactly(a, b);
    }

    @Test
    void eachLineIsServedByItsOwnQueue() {
        save("5550001", CallbackQueue.of("hotline"));
        long lead = save("5550002", CallbackQueue.of("teamlead"));
        board.line("hotline", 0, 0).line("teamlead", 1, 0);

        dialler.tick();

        assertThat(board.placedIds()).containsExactly(lead);
    }

    @Test
    void theCallCarriesWhatTheDialplanAndTheTeamLeadWhisperRead() {
        save("5550002", CallbackQueue.of("teamlead"));
        board.line("teamlead", 1, 0);

        dialler.tick();

        assertThat(board.placed.getFirst().variables())
                .containsEntry("HOTLINE_CALLBACK_QUEUE", "teamlead")
                .containsEntry("HOTLINE_CALLBACK_LANGUAGE", "zh")
                .containsEntry("HOTLINE_CALLBACK_TIMEOUT", "90")
                .containsEntry("HOTLINE_CALLBACK_GOSUB", "teamlead-whisper")
                .containsEntry("__HOTLINE_CALLER", "5550002")
                .containsEntry("__HOTLINE_WAITED", "75")
                .containsEntry("__HOTLINE_STATEMENT", "hotline-recordings/k-statement")
                .containsKey("HOTLINE_CALLBACK_ID");
    }

    @Test
    void anUnansweredCallbackIsTriedAgainAfterRetryAfterThenFails() {
        long id = save("0550009", CallbackQueue.of("hotline"));
        long later = save("5550002", CallbackQueue.of("hotline"));
        board.line("hotline", 1, 0);

        dialler.tick();
        board.report(new DialEvent.Unanswered(id, 1, "no-answer"));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.PENDING);
        dialler.tick(); // not due yet: the later one goes meanwhile
        board.report(new DialEvent.Answered(later, 1));
        board.report(new DialEvent.Queued(later));
        clock.advance(Duration.ofMinutes(1));
        dialler.tick();
        board.report(new DialEvent.Unanswered(id, 2, "busy"));

        assertThat(board.placedIds()).containsExactly(id, later, id);
        var failed = store.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(CallbackState.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastResult()).contains("busy");
    }

    @Test
    void aCallbackLeftDiallingByADeadNodeIsPlacedAgainAfterTheClaimTimeoutAsItsSecondAttempt() {
        long id = save("5550001", CallbackQueue.of("hotline"));
        store.claimNext(CallbackQueue.of("hotline")); // a node claimed it and died
        board.line("hotline", 1, 0);
        dialler.tick();
        assertThat(board.placed).isEmpty();

        clock.advance(Store.DEFAULT_CLAIM_TIMEOUT.plusSeconds(1));
        dialler.tick(); // back in line, attempt 1 counted, due after retry-after
        assertThat(board.placed).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        dialler.tick();

        assertThat(board.placedIds()).containsExactly(id);
        assertThat(board.placed.getFirst().attempt()).isEqualTo(2);
    }

    @Test
    void anUnreachableAsteriskClaimsNothing() {
        long id = save("5550001", CallbackQueue.of("hotline"));
        board.reachable = false;

        assertThatThrownBy(dialler::tick).isInstanceOf(Switchboard.SwitchboardException.class);

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.PENDING);
    }

    @Test
    void theLoopKeepsTryingAnAsteriskThatComesBack() throws Exception {
        long id = save("5550001", CallbackQueue.of("hotline"));
        board.line("hotline", 1, 0);
        board.reachable = false;
        var fast = new CallbackDialler(config.with(config.dial(), Duration.ofMillis(100), config.ringFor()), store,
                board, clock);
        fast.start();
        try {
            Thread.sleep(300);
            board.reachable = true;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (board.placed.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            board.report(new DialEvent.Answered(id, 1));
        } finally {
            fast.close();
        }
        assertThat(board.placedIds()).containsExactly(id);
    }

    @Test
    void theDecisionIsReadyMembersLessCallbacksInFlightAndNoneWhileSomeoneWaits() {
        assertThat(CallbackDialler.toPlace(new Switchboard.Line(0, 0), 0)).isZero();
        assertThat(CallbackDialler.toPlace(new Switchboard.Line(3, 0), 1)).isEqualTo(2);
        assertThat(CallbackDialler.toPlace(new Switchboard.Line(1, 0), 2)).isZero();
        assertThat(CallbackDialler.toPlace(new Switchboard.Line(3, 1), 0)).isZero();
    }

    /** A clock the test moves; the store and the dialler read it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock() {
            this(Instant.parse("2026-11-24T09:00:00Z"));
        }

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
