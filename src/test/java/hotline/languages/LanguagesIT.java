package hotline.languages;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.agi.AgiServer;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.journal.JournalWriter;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/** Languages and the dialect ladder on the lab's real Asterisk 22 (call-scripts.md §4). */
@ResourceLock(LabLocks.SHARED_LINES)
class LanguagesIT extends LabCalls {

    private static final int PORT = 4581;
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
    void aCallerWhoPressesALanguageKeyAtTheGreetingHearsThatLanguagesFiles() {
        Map<String, String> robots = new LinkedHashMap<>();
        Map<String, String> keys = Map.of("en", "1", "es", "2", "zh", "3", "ko", "4", "yue", "5");
        keys.forEach((language, key) -> robots.put(language, lab.call("robot-presses", "8005550100",
                Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", key, "ROBOT_STAY", "45"))));

        // every call ends first: the recordings are analysed once nobody is on the line
        Map<String, HotlineCallEndedEvent> ends = new LinkedHashMap<>();
        robots.forEach((language, robot) -> ends.put(language, lab.awaitEnd(robot, Duration.ofSeconds(60))));
        robots.forEach((language, robot) -> {
            HotlineCallEndedEvent end = ends.get(language);
            assertThat(end.getOutcome()).as("the %s caller", language).isEqualTo("silent-line-goodbye");
            // the ladder after the key is in the chosen language: the caller hears that language's files
            assertThat(hotline.journalFor(end.getChannel()))
                    .contains("\"language\":\"" + language + "\"", "\"step\":\"cant-hear-you\"");
            HeardPrompts.by(robot).assertInOrder(language, "cant-hear-you", "no-sound-goodbye");
        });
    }

    @Test
    void eachDialledNumberGreetsInItsOwnLanguage() {
        Map<String, String> numbers = Map.of("8005550101", "es", "8005550102", "zh", "8005550103", "ko",
                "8005550104", "yue");
        Map<String, String> robots = new LinkedHashMap<>();
        numbers.forEach((number, language) -> robots.put(language,
                lab.call("robot-silent", number, Map.of("HOTLINE_AGI", AGI))));

        Map<String, HotlineCallEndedEvent> ends = new LinkedHashMap<>();
        robots.forEach((language, robot) -> ends.put(language, lab.awaitEnd(robot, Duration.ofSeconds(60))));
        robots.forEach((language, robot) -> {
            HotlineCallEndedEvent end = ends.get(language);
            assertThat(end.getOutcome()).isEqualTo("silent-line-goodbye");
            // the greeting's first 100 ms were once missing from a recording (seen once in CI, yue):
            // the DID's language is asserted on the prompts after it, all in that language
            HeardPrompts.by(robot).assertInOrder(language, "more-options", "cant-hear-you", "no-sound-goodbye");
        });
    }

    @Test
    void theDialectLadderReachesTheDialectQueueWhenARobotAgentIsAMember() {
        String agent = "Local/s@robot-agent/n";
        lab.addQueueMember("dialect-zh", agent);
        try {
            String robot = lab.call("robot-presses", "8005550102",
                    Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", "9", "ROBOT_STAY", "90"));

            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> "dialect-zh".equals(e.getQueue()),
                    Duration.ofSeconds(60), "a robot agent answering in dialect-zh");
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

            assertThat(end.getOutcome()).isEqualTo("queued:dialect-zh");
            Lab.assertInOrder(Lab.logLines(end.getChannel()),
                    Lab.sent("GET FULL VARIABLE \"${QUEUE_MEMBER(dialect-zh,logged)}\""),
                    Lab.sent("EXEC \"Queue\" \"dialect-zh"));
            Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "speak-standard", "find-standard-speaker",
                    "queue-members", "dialect-transfer", "queue");
            HeardPrompts.by(robot).assertInOrder("zh", "speak-standard", "find-standard-speaker", "dialect-transfer");
        } finally {
            lab.removeQueueMember("dialect-zh", agent);
        }
    }

    @Test
    void withNobodyForTheDialectTheLadderEndsInAPoliteGoodbyeAfterAPause() {
        String robot = lab.call("robot-presses", "8005550102",
                Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", "9", "ROBOT_STAY", "90"));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(90));

        assertThat(end.getOutcome()).isEqualTo("dialect-unavailable:zh");
        Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "speak-standard", "find-standard-speaker",
                "queue-members", "dialect-unavailable-goodbye", "pause", "hangup");
        List<Duration> at = HeardPrompts.by(robot).assertInOrder("zh", "speak-standard", "find-standard-speaker",
                "dialect-unavailable-goodbye");
        assertThat(at).hasSize(3);
    }

    @Test
    void withTheServerDownEachDialledNumberHearsTheLineIsBeingAdjustedInItsOwnLanguageThenFiveSeconds()
            throws Exception {
        String down;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            down = "agi://127.0.0.1:" + socket.getLocalPort() + "/hotline"; // closed again: nobody listens there
        }
        Map<String, String> numbers = Map.of("8005550100", "en", "8005550101", "es", "8005550102", "zh",
                "8005550103", "ko", "8005550104", "yue");
        Map<String, String> robots = new LinkedHashMap<>();
        numbers.forEach((number, language) -> robots.put(language,
                lab.call("robot-silent", number, Map.of("HOTLINE_AGI", down))));

        Map<String, HotlineCallEndedEvent> ends = new LinkedHashMap<>();
        robots.forEach((language, robot) -> ends.put(language, lab.awaitEnd(robot, Duration.ofSeconds(60))));
        robots.forEach((language, robot) -> {
            assertThat(ends.get(language).getOutcome()).as(language).isEqualTo("fallback:agi-failed");
            Duration at = HeardPrompts.by(robot).assertInOrder(language, "line-adjusting").getFirst();
            Duration after = Recording.lengthOf(Recording.heardBy(robot)).minus(at)
                    .minus(Recording.lengthOf(HeardPrompts.prompt(language, "line-adjusting")));
            System.out.printf("§8 fallback, %s: line-adjusting at %d ms, hang-up %d ms after it%n", language,
                    at.toMillis(), after.toMillis());
            assertThat(after).as("%s: the pause after line-adjusting, then the hang-up", language)
                    .isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        });
    }
}
