package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.agi.CallbackDialler;
import hotline.config.ConfigLoader;
import hotline.config.Dialler;
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
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Queues are data, on the lab's real Asterisk 22 (docs/callbacks.md#placing-callbacks-back): a
 * callback stored for a queue that is neither the agents' nor the team lead's (here the Spanish
 * dialect queue of a config, named it-queue-callbacks: a queues.conf line of this test's own, so it
 * runs beside CallbackDiallerIT) is placed back by the dialler to a robot agent of that queue, and
 * that agent's channel runs the queue's whisper from config.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class QueueCallbacksIT {

    private static final String QUEUE = "it-queue-callbacks";
    private static final String AGENT = "Local/s@robot-agent/n";
    private static final Dialler DIALLER = new Dialler(true, "127.0.0.1", 5038, Lab.DIALLER_USER, Lab.DIALLER_SECRET,
            "Local/{number}@callback-robots", Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));
    /** A script whose Spanish callers' dialect queue is QUEUE: the dialler serves it with the agents' whisper. */
    private static final String CONFIG = """
            languages:
              offered: [en, es]
            inbound:
              dialect:
                by-language:
                  es:
                    queues: [it-queue-callbacks]
            """;
    private Lab lab;
    private CallbackStore store;
    private CallbackDialler dialler;

    @BeforeEach
    void setUp() throws Exception {
        lab = Lab.connect();
        var url = "jdbc:sqlite:" + Files.createTempDirectory("queue-callbacks-it").resolve("hotline.db");
        store = CallbackStore.open(new Store(url, null, null, 2, Duration.ofMinutes(1), null, null), Clock.systemUTC());
        lab.addQueueMember(QUEUE, AGENT);
    }

    @AfterEach
    void tearDown() {
        if (dialler != null) dialler.close();
        lab.removeQueueMember(QUEUE, AGENT);
        store.close();
        lab.close();
    }

    @Test
    void aCallbackForADialectQueueIsPlacedBackToARobotAgentOfThatQueueAndEndsDone() {
        CallbackRequest callback = store.save(new NewCallback(CallbackNumber.of("5550411"), "es", "simple",
                CallbackQueue.of(QUEUE), Optional.empty(), CallerDetails.of("5550411", Duration.ofSeconds(70))));
        var lines = ConfigLoader.parse("queue-callbacks-it.yaml", CONFIG).inbound().callbackLines();
        dialler = CallbackDialler.overAmi(DIALLER, () -> lines, store, Clock.systemUTC(), Ticker.SYSTEM);
        dialler.start();

        String leg = "Local/5550411@callback-robots";
        lab.await(NewChannelEvent.class, e -> e.getChannel() != null && e.getChannel().startsWith(leg)
                && e.getChannel().endsWith(";1"), Duration.ofSeconds(20), "the callback to 5550411 being placed");
        AgentConnectEvent connected = lab.await(AgentConnectEvent.class,
                e -> QUEUE.equals(e.getQueue()) && String.valueOf(e.getChannel()).startsWith(leg),
                Duration.ofSeconds(30), "the robot agent of " + QUEUE + " taking the callback");
        lab.hangUp(connected.getChannel());

        Lab.assertInOrder(Lab.logLines(leg), Lab.played("callback-intro", "es"),
                "Queue\\(\"[^\"]+\", \"it-queue-callbacks,B\\(hotline-callback-queued\\^s\\^1\\),,,60,,agent-whisper,,1\"\\)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CallbackRequest after = store.find(callback.id()).orElseThrow();
        while (after.state() != CallbackState.DONE && System.nanoTime() < deadline) {
            sleep(100);
            after = store.find(callback.id()).orElseThrow();
        }
        assertThat(after.state()).as("callback %d, now %s", callback.id(), after).isEqualTo(CallbackState.DONE);
        assertThat(after.queue()).isEqualTo(CallbackQueue.of(QUEUE));
        assertThat(after.lastResult()).contains("reached");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
