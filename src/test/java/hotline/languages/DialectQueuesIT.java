package hotline.languages;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Dialect queues per language on the lab's real Asterisk 22 (call-scripts.md §4,
 * docs/languages.md#dialect-queues), with the shipped config: a Spanish caller's ladder ends
 * in dialect-es, and a Korean caller, whose language has no dialect queue, is promised no
 * colleague. Its own server port and the dialect-es queue, which no other test uses, so it runs
 * beside LanguagesIT (dialect-zh).
 */
@ResourceLock(LabLocks.SHARED_LINES)
class DialectQueuesIT extends LabCalls {

    private static final int PORT = 4589;
    private static final String SPANISH = "8005550101";
    private static final String KOREAN = "8005550103";
    private static LabHotline hotline;
    private static String AGI;

    @BeforeAll
    static void startServer() {
        hotline = new LabHotline(ConfigLoader.load(Path.of("config/hotline.yaml")), PORT,
                TestStores.sqliteBook());
        AGI = hotline.via().get("HOTLINE_AGI");
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @Test
    void aSpanishCallersDialectLadderReachesTheSpanishDialectQueueWhereARobotAgentAnswers() {
        String agent = "Local/s@robot-agent/n";
        lab.addQueueMember("dialect-es", agent);
        try {
            String robot = lab.call("robot-presses", SPANISH,
                    Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", "9", "ROBOT_STAY", "90"));

            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> "dialect-es".equals(e.getQueue()),
                    Duration.ofSeconds(60), "a robot agent answering in dialect-es");
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

            assertThat(end.getOutcome()).isEqualTo("queued:dialect-es");
            Lab.assertInOrder(Lab.logLines(end.getChannel()),
                    Lab.sent("GET FULL VARIABLE \"${QUEUE_MEMBER(dialect-es,logged)}\""),
                    Lab.sent("EXEC \"Queue\" \"dialect-es"));
            Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "speak-standard", "find-standard-speaker",
                    "queue-members", "dialect-transfer", "queue");
            HeardPrompts.by(robot).assertInOrder("es", "speak-standard", "find-standard-speaker", "dialect-transfer");
        } finally {
            lab.removeQueueMember("dialect-es", agent);
        }
    }

    @Test
    void aKoreanCallerWhoseLanguageHasNoDialectQueueHearsTheStandardOnlyGoodbyeAndNoColleagueIsLookedFor() {
        String robot = lab.call("robot-presses", KOREAN,
                Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", "9", "ROBOT_STAY", "90"));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(90));

        assertThat(end.getOutcome()).isEqualTo("dialect-no-queue:ko");
        Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "speak-standard", "find-standard-speaker",
                "dialect-standard-only-goodbye", "pause", "hangup");
        assertThat(hotline.journalFor(end.getChannel())).doesNotContain("\"step\":\"queue-members\"", "dialect-transfer");
        HeardPrompts.by(robot).assertInOrder("ko", "speak-standard", "find-standard-speaker",
                "dialect-standard-only-goodbye");
    }
}
