package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Dialler;
import hotline.config.Store;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node killed while a callback rang: the callee answered while no node listened, so nobody
 * heard the OriginateResponse. The dialplan's mark (DB(hotline-callback/<id>) = the attempt)
 * tells the restarted dialler, which closes the attempt as reached instead of ringing that callee
 * again after retry-after.
 */
class AnsweredWhileNoNodeListenedTest {

    private final CallbackDiallerTest.MovableClock clock = new CallbackDiallerTest.MovableClock();
    private final FakeSwitchboard board = new FakeSwitchboard().line("hotline", 1, 0);
    private final Dialler config = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
            Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(90), "node-1");
    private CallbackStore store;

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:sqlite:" + Files.createTempDirectory("answered-unheard").resolve("hotline.db");
        store = CallbackStore.open(new Store(url, null, null, 3, Duration.ofMinutes(1), null, null), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long savedAndPlacedByARunThatIsThenKilled() {
        long id = store.save(new NewCallback(CallbackNumber.of("5550100"), "en", "simple", CallbackQueue.of("hotline"),
                Optional.empty(), CallerDetails.of("5550100", Duration.ofSeconds(60)))).id();
        new CallbackDialler(config, store, board, clock).tick(); // placed as attempt 1; SIGKILL: no close, no answer heard
        assertThat(board.placedIds()).containsExactly(id);
        assertThat(board.placed.getFirst().variables()).containsEntry("HOTLINE_CALLBACK_ATTEMPT", "1")
                .containsEntry("HOTLINE_CALLBACK_MARK", id + "-" + row(id).createdAt().toEpochMilli());
        return id;
    }

    private String mark(long id) {
        return AnsweredUnheard.markOf(row(id));
    }

    private CallbackRequest row(long id) {
        return store.find(id).orElseThrow();
    }

    @Test
    void aCalleeWhoAnsweredWhileTheNodeWasDownIsDoneAtTheRestartAndNeverRungAgain() {
        long id = savedAndPlacedByARunThatIsThenKilled();
        board.answeredMarks.put(mark(id), 1); // [hotline-callback] ran: the callee answered attempt 1

        var restarted = new CallbackDialler(config, store, board, clock);
        restarted.tick();
        clock.advance(Duration.ofMinutes(2)); // past retry-after
        restarted.tick();

        assertThat(row(id).state()).isEqualTo(CallbackState.DONE);
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).lastResult()).contains("reached");
        assertThat(board.placedIds()).as("dialled once").containsExactly(id);
    }

    @Test
    void withoutAMarkTheInterruptedAttemptIsCountedAndTheCallbackDialledOnceMoreAfterRetryAfter() {
        long id = savedAndPlacedByARunThatIsThenKilled();

        var restarted = new CallbackDialler(config, store, board, clock);
        restarted.tick();
        assertThat(row(id).state()).isEqualTo(CallbackState.PENDING);
        assertThat(row(id).lastResult()).contains("interrupted");
        clock.advance(Duration.ofMinutes(2));
        restarted.tick();

        assertThat(board.placedIds()).containsExactly(id, id);
        assertThat(board.placed.getLast().variables()).containsEntry("HOTLINE_CALLBACK_ATTEMPT", "2");
    }

    @Test
    void aMarkOfAnotherAttemptOrOfAnotherStoresCallbackWithTheSameIdClosesNothing() {
        long id = savedAndPlacedByARunThatIsThenKilled();
        board.answeredMarks.put(mark(id), 7);
        board.answeredMarks.put(id + "-" + (row(id).createdAt().toEpochMilli() - 86_400_000L), 1); // a store started afresh

        new CallbackDialler(config, store, board, clock).tick();

        assertThat(row(id).state()).isEqualTo(CallbackState.PENDING);
    }

    @Test
    void aMarkAsteriskCouldNotShowAtTheRestartIsReadAgainJustBeforeTheRedial() {
        long id = savedAndPlacedByARunThatIsThenKilled();
        board.answeredMarks.put(mark(id), 1);
        board.marksUnreadable = true;

        var restarted = new CallbackDialler(config, store, board, clock);
        restarted.tick();
        assertThat(row(id).state()).isEqualTo(CallbackState.PENDING);
        board.marksUnreadable = false;
        clock.advance(Duration.ofMinutes(2));
        restarted.tick();

        assertThat(row(id).state()).isEqualTo(CallbackState.DONE);
        assertThat(board.placedIds()).as("not rung again").containsExactly(id);
    }

    @Test
    void justClaimedForTheNextAttemptACallbackWhoseInterruptedAttemptWasAnsweredIsNotRung() {
        long id = savedAndPlacedByARunThatIsThenKilled();
        store.releaseEarlierRuns(hotline.store.Claimant.of("node-1"));
        clock.advance(Duration.ofMinutes(2));
        CallbackRequest claimed = store.claimNext(CallbackQueue.of("hotline"), hotline.store.Claimant.of("node-1"), 1)
                .orElseThrow();
        assertThat(claimed.attempts()).isEqualTo(2);

        assertThat(AnsweredUnheard.beforeRedial(claimed, board)).as("no mark").isFalse();
        board.answeredMarks.put(mark(id), 2);
        assertThat(AnsweredUnheard.beforeRedial(claimed, board)).as("a mark of this attempt: not the earlier one").isFalse();
        board.answeredMarks.put(mark(id), 1);
        assertThat(AnsweredUnheard.beforeRedial(claimed, board)).isTrue();
    }
}
