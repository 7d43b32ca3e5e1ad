package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.JournalLine;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.lab.ShippedConfig;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §5.2 / §5.3 on the lab's real Asterisk 22, at the shipped timings (patience every
 * 30 s, the callback offer after 60 s in the queue): a caller waiting for an agent hears "thank you
 * for your patience" after 30 s of music, the offer after 60, and one who does not take it goes back
 * into the queue at their own place, ahead of a caller who arrived after them. Two robot callers
 * ([robot-caller-keys], silent after their first words) 20 s apart; the agent logs in once both are
 * back from the offer and must take the first caller first. Its own server port and agents' queue
 * (it-queue-shipped, robot agent Local/shipped@robot-agent/n).
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=QueueShippedTimingIT}.
 */
class QueueShippedTimingIT extends LabCalls {

    private static final int PORT = 4651;
    private static final String QUEUE = "it-queue-shipped";
    private static final String AGENT = "Local/shipped@robot-agent/n";
    private static final String FIRST = "5550601";
    private static final String SECOND = "5550602";
    /** Queue() ends a stay on its own one-second tick; the prompts' starts are found to 10 ms. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        hotline = new LabHotline(ShippedConfig.with("QueueShippedTimingIT", "queue: hotline ", "queue: " + QUEUE + " "),
                PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @Test
    void aWaitingCallerHearsPatienceAfterThirtySecondsTheOfferAfterSixtyAndWhoStaysKeepsTheirPlaceAheadOfALaterCaller()
            throws Exception {
        String first = waitingCaller(FIRST);
        Thread.sleep(20_000);
        String second = waitingCaller(SECOND);
        try {
            // each is back from the offer: its third stay (after 30 s, after the offer at 60 s)
            QueueCallerJoinEvent firstBack = join(FIRST, 3, Duration.ofSeconds(110));
            QueueCallerJoinEvent secondBack = join(SECOND, 3, Duration.ofSeconds(40));
            System.out.printf("QueueShippedTimingIT: back from the offer, first at %d of %d, second at %d of %d%n",
                    firstBack.getPosition(), firstBack.getCount(), secondBack.getPosition(), secondBack.getCount());
            assertThat(firstBack.getPosition()).as("the first caller back at the head of the line").isEqualTo(1);
            assertThat(firstBack.getCount()).as("ahead of the later caller, who was waiting then").isEqualTo(2);
            assertThat(secondBack.getPosition()).as("the later caller behind the first").isEqualTo(2);

            lab.addQueueMember(QUEUE, AGENT);
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> QUEUE.equals(e.getQueue()),
                    Duration.ofSeconds(30), "the robot agent answering in " + QUEUE);
            assertThat(connected.getChannel()).as("the agent takes the caller who arrived first")
                    .isEqualTo(firstBack.getChannel());
            lab.hangUp(connected.getChannel().replace(";1", ";2"));
            lab.hangUp(secondBack.getChannel().replace(";1", ";2"));

            HotlineCallEndedEvent end = lab.awaitEnd(first, Duration.ofSeconds(20));
            lab.awaitEnd(second, Duration.ofSeconds(20));
            assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
            JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
            Lab.assertStepsInOrder(journal.text(), "connecting", "queue", "thank-you-patience", "queue",
                    "callback-offer", "queue");
            assertThat(Lab.steps(journal.text())).as("the offer not taken").doesNotContain("callback-enter-number",
                    "callback-use-caller-id");
            assertHeardOnTheClock(first);
        } finally {
            lab.removeQueueMember(QUEUE, AGENT);
        }
    }

    /**
     * On the caller's recording: 30 s of music after "connecting you", then "thank you for your
     * patience", 30 s more, then the offer (60 s in the queue in all).
     */
    private static void assertHeardOnTheClock(String robot) {
        List<Duration> at = HeardPrompts.by(robot).assertInOrder("en", "connecting", "thank-you-patience",
                "callback-offer");
        Duration firstStay = at.get(1).minus(at.get(0).plus(length("connecting")));
        Duration secondStay = at.get(2).minus(at.get(1).plus(length("thank-you-patience")));
        System.out.printf("QueueShippedTimingIT: heard music for %d ms before the patience, %d ms before the offer%n",
                firstStay.toMillis(), secondStay.toMillis());
        assertThat(firstStay).as("music before \"thank you for your patience\"")
                .isBetween(Duration.ofSeconds(30).minus(SLACK), Duration.ofSeconds(30).plus(SLACK));
        assertThat(secondStay).as("music before the callback offer")
                .isBetween(Duration.ofSeconds(30).minus(SLACK), Duration.ofSeconds(30).plus(SLACK));
    }

    /** A caller whose first words put them through, then silent (a phone sending silence) until hung up. */
    private String waitingCaller(String callerId) {
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_THEN", "silent");
        vars.put("ROBOT_STAY", "170");
        return lab.call("robot-caller-keys", "s", callerId, vars);
    }

    /** The {@code nth} time the caller from {@code callerId} joins the queue. */
    private QueueCallerJoinEvent join(String callerId, int nth, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<QueueCallerJoinEvent> joins = lab.events(QueueCallerJoinEvent.class).stream()
                    .filter(e -> QUEUE.equals(e.getQueue()) && callerId.equals(e.getCallerIdNum())).toList();
            if (joins.size() >= nth) return joins.get(nth - 1);
            Lab.pause(100);
        }
        throw new AssertionError("the caller from " + callerId + " did not join " + QUEUE + " " + nth + " times within "
                + within.toSeconds() + " s");
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("en", prompt));
    }
}
