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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §5 / §8 on the lab's real Asterisk 22: the queue gives up politely, never with
 * silence or an abrupt end. A caller waits in an agents' queue nobody answers until
 * {@code inbound.agents.max-wait} (shipped 30 min, 20 s here, before the callback offer at 60 s),
 * then hears "we could not connect you in time, please call again", 5 s, and our hang-up. Its own
 * server port and agents' queue (it-queue-gives-up, nobody logs in).
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=QueueGivesUpIT}.
 */
class QueueGivesUpIT extends LabCalls {

    private static final int PORT = 4657;
    private static final String QUEUE = "it-queue-gives-up";
    private static final Duration MAX_WAIT = Duration.ofSeconds(20);
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        hotline = new LabHotline(ShippedConfig.with("QueueGivesUpIT", "queue: hotline ", "queue: " + QUEUE + " ",
                "max-wait: 30m ", "max-wait: " + MAX_WAIT.toSeconds() + "s "), PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @Test
    void aCallerNobodyAnswersWithinMaxWaitHearsWeCouldNotConnectYouInTimeThenFiveSecondsAndTheHangUp() {
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_THEN", "silent"); // its first words put it through, then a phone sending silence
        vars.put("ROBOT_STAY", "90");
        String robot = lab.call("robot-caller-keys", vars);

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(90));

        assertThat(end.getOutcome()).isEqualTo("queue-gave-up:" + QUEUE);
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "connecting", "queue", "could-not-connect", "pause", "hangup");
        assertThat(Lab.steps(journal.text())).as("max-wait comes before the offer").doesNotContain("callback-offer");
        List<Duration> at = HeardPrompts.by(robot).assertInOrder("en", "connecting", "could-not-connect");
        Duration waited = at.get(1).minus(at.get(0).plus(length("connecting")));
        Duration pause = Recording.hangUpAfter(robot, "en", at.get(1), "could-not-connect");
        System.out.printf("queue gives up: %d ms of music after \"connecting\", then the apology, then %d ms to "
                + "the hang-up%n", waited.toMillis(), pause.toMillis());
        assertThat(waited).as("the stay until max-wait").isBetween(MAX_WAIT.minusMillis(1500), MAX_WAIT.plusMillis(1500));
        assertThat(pause).as("5 s after the apology").isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("en", prompt));
    }
}
