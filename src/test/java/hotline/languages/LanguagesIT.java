package hotline.languages;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.agi.AgiServer;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.journal.JournalWriter;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
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

/** Languages and the dialect ladder on the lab's real Asterisk 22 (call-scripts.md §4). */
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
                Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", key, "ROBOT_STAY", "25"))));

        robots.forEach((language, robot) -> {
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(60));
            List<String> log = Lab.logLines(end.getChannel());
            assertThat(log).as("the AGI trace of the %s caller", language)
                    .anyMatch(l -> l.contains("AGI Rx << SET VARIABLE \"CHANNEL(language)\" \"" + language + "\""));
            Lab.assertInOrder(log, Lab.sent("SET VARIABLE \"CHANNEL(language)\" \"" + language + "\""),
                    Lab.played("greeting", language));
            // the re-prompt goes through AudioSocket (barge-in), from sounds/<language>/
            assertThat(hotline.journalFor(end.getChannel()))
                    .contains("\"language\":\"" + language + "\"", "\"step\":\"cant-hear-you\"");
        });
    }

    @Test
    void eachDialledNumberGreetsInItsOwnLanguage() {
        Map<String, String> numbers = Map.of("8005550101", "es", "8005550102", "zh", "8005550103", "ko",
                "8005550104", "yue");
        Map<String, String> robots = new LinkedHashMap<>();
        numbers.forEach((number, language) -> robots.put(language,
                lab.call("robot-hangs-up-greeting", number, Map.of("HOTLINE_AGI", AGI))));

        robots.forEach((language, robot) -> {
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(30));
            Lab.assertInOrder(Lab.logLines(end.getChannel()), Lab.played("greeting", language));
        });
    }

    @Test
    void theDialectLadderReachesTheDialectQueueWhenARobotAgentIsAMember() {
        String agent = "Local/s@robot-agent/n";
        lab.addQueueMember("dialect-yue", agent);
        try {
            String robot = lab.call("robot-presses", "8005550102",
                    Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", "9", "ROBOT_STAY", "90"));

            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> "dialect-yue".equals(e.getQueue()),
                    Duration.ofSeconds(60), "a robot agent answering in dialect-yue");
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

            assertThat(end.getOutcome()).isEqualTo("queued:dialect-yue");
            Lab.assertInOrder(Lab.logLines(end.getChannel()),
                    Lab.played("speak-standard", "zh"), Lab.played("find-standard-speaker", "zh"),
                    Lab.sent("GET FULL VARIABLE \"${QUEUE_MEMBER(dialect-yue,logged)}\""),
                    Lab.played("dialect-transfer", "zh"), Lab.sent("EXEC \"Queue\" \"dialect-yue"));
        } finally {
            lab.removeQueueMember("dialect-yue", agent);
        }
    }

    @Test
    void withNobodyForTheDialectTheLadderEndsInAPoliteGoodbyeAfterAPause() {
        String robot = lab.call("robot-presses", "8005550102",
                Map.of("HOTLINE_AGI", AGI, "ROBOT_KEYS", "9", "ROBOT_STAY", "90"));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(90));

        assertThat(end.getOutcome()).isEqualTo("dialect-unavailable:dialect-yue");
        Lab.assertInOrder(Lab.logLines(end.getChannel()),
                Lab.played("speak-standard", "zh"), Lab.played("find-standard-speaker", "zh"),
                Lab.played("dialect-unavailable-goodbye", "zh"),
                Lab.sent("EXEC \"Wait\" \"5.000\""), Lab.sent("HANGUP"));
    }
}
