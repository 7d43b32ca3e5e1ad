package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.Dialler;
import hotline.config.Store;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import hotline.time.VirtualTime;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once against the faults of the parts: a late or lost OriginateResponse, an AMI
 * connection lost mid-dial, an Originate that never went out, a stop mid-dial, bad rows.
 * Each ends with the callback DONE or back in line with the attempt counted, dialled once per attempt.
 */
class CallbackDiallerFaultsTest {

    private final CallbackDiallerTest.MovableClock clock = new CallbackDiallerTest.MovableClock();
    private final FakeSwitchboard board = new FakeSwitchboard().line("hotline", 1, 0);
    private final Dialler config = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(90), "node-1");
    private CallbackStore store;
    private CallbackDialler dialler;
    private String url;

    @BeforeEach
    void open() throws Exception {
        url = "jdbc:sqlite:" + Files.createTempDirectory("dialler-faults").resolve("hotline.db");
        store = CallbackStore.open(new Store(url, null, null, 3, Duration.ofMinutes(1), null, null), clock);
        dialler = new CallbackDialler(config, store, board, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long save(String number) {
        return store.save(new NewCallback(CallbackNumber.of(number), "en", "simple", CallbackQueue.of("hotline"),
                Optional.empty(), CallerDetails.of(number, Duration.ofSeconds(60)))).id();
    }

    /** A row written around the store's checks (another program, an old bug). */
    private void insertRaw(String number, String language) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.prepareStatement("INSERT INTO callbacks "
                + "(created_at, callback_number, language, reason, promised_by, queue, waited_ms, state, attempts, due_at) "
                + "VALUES (0, ?, ?, 'simple', 0, 'hotline', 0, 'PENDING', 0, 0)")) {
            st.setString(1, number);
            st.setString(2, language);
            st.executeUpdate();
        }
    }

    private CallbackRequest row(long id) {
        return store.find(id).orElseThrow();
    }

    @Test
    void anOriginateAnsweredAfterTheActionTimeoutIsNeitherDialledAgainNorLost() {
        long id = save("5550001");
        board.nextOriginate = FakeSwitchboard.lateResponse();

        assertThatThrownBy(dialler::tick).isInstanceOf(Switchboard.OutcomeUnknown.class);
        clock.advance(Duration.ofSeconds(1));
        dialler.tick(); // the attempt is still open: nothing is placed again
        assertThat(row(id).state()).isEqualTo(CallbackState.DIALLING);
        board.report(new DialEvent.Answered(id, 1));

        assertThat(board.placedIds()).containsExactly(id);
        assertThat(row(id).state()).isEqualTo(CallbackState.DONE);
    }

    @Test
    void aResponseThatNeverComesClosesTheAttemptCountedAndALateAnswerStillMakesItDone() {
        long id = save("5550001");
        dialler.tick();
        clock.advance(config.ringFor().plus(CallbackDialler.RESPONSE_ALLOWANCE).plusSeconds(1));

        dialler.tick();
        assertThat(row(id)).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallbackState.PENDING);
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.lastResult()).contains("no-response");
        });
        board.report(new DialEvent.Answered(id, 1)); // it had reached the callee after all

        assertThat(row(id).state()).isEqualTo(CallbackState.DONE);
        clock.advance(Duration.ofMinutes(2));
        dialler.tick();
        assertThat(board.placedIds()).containsExactly(id);
    }

    @Test
    void anAmiReconnectMidDialEndsWithTheCallbackBackInLineCountedAndDialledOncePerAttempt() {
        long id = save("5550001");
        dialler.tick();
        board.reachable = false; // the connection drops: the OriginateResponse is lost with it
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(dialler::tick).isInstanceOf(Switchboard.SwitchboardException.class);
        clock.advance(Duration.ofSeconds(30));
        board.reachable = true;

        dialler.tick();
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).state()).isEqualTo(CallbackState.PENDING);
        clock.advance(Duration.ofMinutes(1));
        dialler.tick();

        assertThat(board.placed).extracting(Switchboard.Placement::attempt).containsExactly(1, 2);
        board.report(new DialEvent.Unanswered(id, 1, "no-answer")); // attempt 1's answer, far too late
        assertThat(row(id).state()).isEqualTo(CallbackState.DIALLING);
        board.report(new DialEvent.Answered(id, 2));
        assertThat(row(id).state()).isEqualTo(CallbackState.DONE);
    }

    @Test
    void anOriginateThatNeverWentOutPutsTheCallbackBackWithoutCountingIt() {
        long id = save("5550001");
        board.nextOriginate = new Switchboard.NotPlaced("AMI is RECONNECTING", false, null);

        assertThatThrownBy(dialler::tick).isInstanceOf(Switchboard.NotPlaced.class);

        assertThat(row(id).state()).isEqualTo(CallbackState.PENDING);
        assertThat(row(id).attempts()).isZero();
        dialler.tick();
        assertThat(board.placed).extracting(Switchboard.Placement::attempt).containsExactly(1);
    }

    @Test
    void anOriginateAsteriskRefusesCountsAsAnAttemptSoABadSetupEndsFailedNotForever() {
        long id = save("5550001");
        board.nextOriginate = new Switchboard.NotPlaced("Permission denied", true, null);

        assertThatThrownBy(dialler::tick).isInstanceOf(Switchboard.NotPlaced.class);

        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).lastResult()).contains("not-placed");
    }

    @Test
    void closeWaitsForTheCallRingingAndRecordsItsAnswer() throws Exception {
        long id = save("5550001");
        dialler.tick();
        var answer = Thread.ofVirtual().start(() -> {
            sleep(300);
            board.report(new DialEvent.Answered(id, 1));
        });

        long started = System.nanoTime();
        dialler.close();
        answer.join();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(config.ringFor());
        assertThat(row(id).state()).isEqualTo(CallbackState.DONE);
    }

    @Test
    void closeGivesUpAfterRingForAndPutsTheOpenAttemptBackCounted() {
        var time = new VirtualTime(clock.instant());
        var dialler = new CallbackDialler(config, store, board, clock, time);
        long id = save("5550001");
        dialler.tick();

        long started = System.nanoTime();
        dialler.close();

        assertThat(time.elapsed()).isEqualTo(config.ringFor().plus(CallbackDialler.CLOSE_ALLOWANCE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2)); // virtual time
        assertThat(row(id)).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallbackState.PENDING);
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.lastResult()).contains("interrupted");
        });
    }

    @Test
    void anUnreachableAsteriskIsTriedAgainWithADoublingBackOffUpToAMinute() throws Exception {
        var time = new VirtualTime(clock.instant());
        var dialler = new CallbackDialler(config, store, board, clock, time);
        board.reachable = false;

        dialler.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (time.waits().size() < 9 && System.nanoTime() < deadline) Thread.sleep(5);
        dialler.close();

        assertThat(time.waits()).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), CallbackDialler.MAX_BACK_OFF,
                CallbackDialler.MAX_BACK_OFF, CallbackDialler.MAX_BACK_OFF);
    }

    @Test
    void badRowsAreSetAsideWithAReasonAndTheRoundGoesOnToTheNextCallback() throws Exception {
        insertRaw("12", "en");
        insertRaw("5550003", "en\r\nAction: Command\r\nCommand: core stop now");
        long good = save("5550002");

        dialler.tick();

        assertThat(board.placedIds()).containsExactly(good);
        assertThat(store.listSetAside()).hasSize(2).allSatisfy(s -> assertThat(s.why()).doesNotContain("\r", "\n"));
        assertThat(board.placed.getFirst().variables().values()).noneMatch(v -> v.contains("\n") || v.contains("\r"));
    }

    @Test
    void nothingWithACarriageReturnOrLineFeedReachesAnAmiHeader() {
        assertThatThrownBy(() -> new Switchboard.Placement(1, 1, "Local/1@x", Duration.ofSeconds(5),
                Map.of("HOTLINE_CALLBACK_LANGUAGE", "en\r\nAction: Command")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HOTLINE_CALLBACK_LANGUAGE: character U+000D");
        assertThatThrownBy(() -> new Switchboard.Placement(1, 1, "Local/1@x\n", Duration.ofSeconds(5), Map.of()))
                .hasMessageStartingWith("channel: character U+000A");
        assertThatThrownBy(() -> AmiText.requireSafe("__HOTLINE_STATEMENT", "rec/a\u0000b"))
                .hasMessageStartingWith("__HOTLINE_STATEMENT: character U+0000");
        assertThat(AmiText.requireSafe("x", "hotline-recordings/17-statement")).isEqualTo("hotline-recordings/17-statement");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
