package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.agi.CallbackDialler;
import hotline.agi.HotlineCallbackQueuedEvent;
import hotline.config.Dialler;
import hotline.config.HotlineConfig;
import hotline.config.InboundScript.CallbackLine;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Stored callbacks placed back on the lab's real Asterisk 22 (docs/callbacks.md#placing-callbacks-back):
 * the dialler originates {@code Local/<number>@callback-robots} into {@code [hotline-callback]}
 * once a robot agent in the {@code hotline} queue is free.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class CallbackDiallerIT {

    private static final String AGENT = "Local/s@robot-agent/n";
    private static final Dialler DIALLER = new Dialler(true, "127.0.0.1", 5038, Lab.DIALLER_USER, Lab.DIALLER_SECRET,
            "Local/{number}@callback-robots", Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));
    /** The shipped defaults' lines: hotline (agent-whisper) and teamlead (teamlead-whisper). */
    private static final Supplier<List<CallbackLine>> LINES = HotlineConfig.defaults().inbound()::callbackLines;
    private final ShiftedClock clock = new ShiftedClock();
    private Lab lab;
    private CallbackStore store;
    private CallbackDialler dialler;

    @BeforeEach
    void setUp() throws Exception {
        lab = Lab.connect();
        var url = "jdbc:sqlite:" + Files.createTempDirectory("dialler-it").resolve("hotline.db");
        store = CallbackStore.open(new Store(url, null, null, 2, Duration.ofMinutes(1), null, null), clock);
        lab.addQueueMember("hotline", AGENT);
    }

    @AfterEach
    void tearDown() {
        if (dialler != null) dialler.close();
        lab.removeQueueMember("hotline", AGENT);
        store.close();
        lab.close();
    }

    private CallbackRequest save(String number) {
        return store.save(new NewCallback(CallbackNumber.of(number), "en", "simple", CallbackQueue.of("hotline"),
                Optional.empty(), CallerDetails.of(number, Duration.ofSeconds(70))));
    }

    private static String leg(String number) {
        return "Local/" + number + "@callback-robots";
    }

    @Test
    void threeCallbacksArePlacedBackInArrivalOrderEachAtTheHeadOfTheLineAndEndDone() {
        List<CallbackRequest> saved = List.of(save("5550101"), save("5550102"), save("5550103"));
        dialler = CallbackDialler.overAmi(DIALLER, LINES, store, Clock.systemUTC(), Ticker.SYSTEM);
        dialler.start();

        var freeToPlaced = new ArrayList<Long>();
        Instant agentFree = Instant.now();
        for (CallbackRequest callback : saved) {
            String number = callback.number().digits();
            NewChannelEvent placed = lab.await(NewChannelEvent.class, channel(leg(number)), Duration.ofSeconds(20),
                    "the callback to " + number + " being placed");
            freeToPlaced.add(placed.getDateReceived().getTime() - agentFree.toEpochMilli());
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class,
                    e -> "hotline".equals(e.getQueue()) && String.valueOf(e.getChannel()).startsWith(leg(number)),
                    Duration.ofSeconds(30), "the agent taking the callback to " + number);
            // the dialler stops holding the agent on this event: by then Asterisk must count the callee waiting
            var queued = lab.await(HotlineCallbackQueuedEvent.class,
                    e -> String.valueOf(callback.id()).equals(e.getCallbackId()), Duration.ofSeconds(1),
                    "HotlineCallbackQueued for callback " + callback.id());
            assertThat(queued.getWaiting()).as("QUEUE_WAITING_COUNT when the callee is reported queued").isEqualTo("1");
            lab.hangUp(connected.getChannel()); // the agent is done with this caller: free again
            agentFree = Instant.now();
        }

        assertThat(lab.events(NewChannelEvent.class).stream().map(NewChannelEvent::getChannel)
                .filter(c -> c.contains("@callback-robots-") && c.endsWith(";1")).map(c -> c.replaceFirst("-[0-9a-f]+;1$", "")))
                .containsExactly(leg("5550101"), leg("5550102"), leg("5550103"));
        for (CallbackRequest callback : saved) {
            Lab.assertInOrder(Lab.logLines(leg(callback.number().digits())), Lab.played("callback-intro", "en"),
                    // the agents' line: its member hears the agents' whisper (inbound.agents.agent-whisper)
                    "Queue\\(\"[^\"]+\", \"hotline,B\\(hotline-callback-queued\\^s\\^1\\),,,60,,agent-whisper,,1\"\\)");
            var after = store.find(callback.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(CallbackState.DONE);
            assertThat(after.lastResult()).contains("reached");
        }
        System.out.println("CallbackDiallerIT: agent free -> callback's channel created (ms, poll-every 500ms): "
                + freeToPlaced);
    }

    @Test
    void aNumberThatNeverAnswersIsTriedAgainAfterRetryAfterAndEndsFailed() {
        CallbackRequest callback = save("0550109");
        dialler = CallbackDialler.overAmi(DIALLER, LINES, store, Clock.systemUTC(), Ticker.SYSTEM);
        dialler.start();

        // a claim counts the attempt at once (DIALLING); the attempt is over when it is PENDING again
        CallbackRequest first = awaitStore(callback.id(),
                r -> r.attempts() == 1 && r.state() == CallbackState.PENDING, "the first attempt");
        assertThat(first.state()).isEqualTo(CallbackState.PENDING);
        clock.shift(Duration.ofMinutes(1)); // store.retry-after
        CallbackRequest last = awaitStore(callback.id(), r -> r.state() == CallbackState.FAILED, "the second attempt");

        assertThat(first.lastResult()).contains("no-answer");
        assertThat(last.attempts()).isEqualTo(2);
        assertThat(last.lastResult()).contains("no-answer");
        assertThat(lab.events(AgentConnectEvent.class)).noneMatch(e -> String.valueOf(e.getChannel()).startsWith(leg("0550109")));
    }

    private CallbackRequest awaitStore(long id, Predicate<CallbackRequest> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CallbackRequest now = store.find(id).orElseThrow();
        while (!done.test(now) && System.nanoTime() < deadline) {
            sleep(100);
            now = store.find(id).orElseThrow();
        }
        assertThat(done.test(now)).as(what + " of callback " + id + ", now " + now).isTrue();
        return now;
    }

    private static Predicate<NewChannelEvent> channel(String prefix) {
        return e -> e.getChannel() != null && e.getChannel().startsWith(prefix) && e.getChannel().endsWith(";1");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Real time, moved ahead by hand so that store.retry-after passes at once. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
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
