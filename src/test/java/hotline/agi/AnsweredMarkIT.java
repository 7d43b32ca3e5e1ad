package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Dialler;
import hotline.config.HotlineConfig;
import hotline.config.Store;
import hotline.lab.Lab;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import hotline.time.Ticker;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * The answered mark on the lab's real Asterisk: {@code [hotline-callback]} writes
 * {@code DB(hotline-callback/<id>-<created>)} = the attempt when the callee answers, and the
 * dialler reads it back over AMI with the shipped dialler's rights (DBGet needs only
 * "reporting"); a callback never answered has no mark.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class AnsweredMarkIT {

    private static final String AGENT = "Local/s@robot-agent/n";
    private static final Dialler DIALLER = new Dialler(true, "127.0.0.1", 5038, Lab.DIALLER_USER, Lab.DIALLER_SECRET,
            "Local/{number}@callback-robots", Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));

    @Test
    void anAnsweredCallbackLeavesTheMarkOfItsAttemptAndOneNeverAnsweredLeavesNone() throws Exception {
        var url = "jdbc:sqlite:" + Files.createTempDirectory("answered-mark").resolve("hotline.db");
        try (var lab = Lab.connect();
             var store = CallbackStore.open(new Store(url, null, null, 2, Duration.ofMinutes(1), null, null), Clock.systemUTC());
             var board = new AmiSwitchboard(DIALLER)) {
            CallbackRequest saved = store.save(new NewCallback(CallbackNumber.of("5550177"), "en", "simple",
                    CallbackQueue.of("hotline"), Optional.empty(), CallerDetails.of("5550177", Duration.ofSeconds(30))));
            lab.addQueueMember("hotline", AGENT);
            try (var dialler = CallbackDialler.overAmi(DIALLER, HotlineConfig.defaults().inbound()::callbackLines, store,
                    Clock.systemUTC(), Ticker.SYSTEM)) {
                dialler.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (store.find(saved.id()).orElseThrow().state() != CallbackState.DONE) {
                    assertThat(System.nanoTime()).as("callback %d answered", saved.id()).isLessThan(deadline);
                    Lab.pause(200);
                }
            } finally {
                lab.removeQueueMember("hotline", AGENT);
                // the answered callback goes on into the queue after its intro: ended here, not left
                // waiting there for the next class's agent (it took CallersIT's agent once)
                lab.hangUp(lab.await(QueueCallerJoinEvent.class,
                        e -> e.getChannel().startsWith("Local/5550177@callback-robots"), Duration.ofSeconds(30),
                        "the answered callback joining the queue").getChannel());
            }
            board.connect();
            String mark = AnsweredUnheard.markOf(saved);

            assertThat(board.answeredAttempt(mark)).contains(1);
            assertThat(board.answeredAttempt(saved.id() + "-1")).as("the same id in another store").isEmpty();
            System.out.printf("AnsweredMarkIT: DB(hotline-callback/%s) = %s, read with DBGet as %s%n", mark,
                    board.answeredAttempt(mark).orElseThrow(), Lab.DIALLER_USER);
        }
    }
}
