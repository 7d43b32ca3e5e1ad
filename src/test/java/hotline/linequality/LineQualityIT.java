package hotline.linequality;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.LabHotline;
import hotline.lab.Lab;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * call-scripts.md §2-§3 decided from the caller's real audio: robot callers play generated
 * clips (a quiet hands-free voice, a voice drowned in noise, normal speech, line hiss) into
 * the lab Asterisk, which streams them to the server over AudioSocket.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class LineQualityIT {

    private static final int PORT = 4585;
    private static final String AUDIO_SOCKET = Lab.sent("EXEC \"AudioSocket\"");
    private static LabHotline hotline;

    /** The shipped config without the language menu, so the greeting is short. */
    @BeforeAll
    static void startServer() {
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        hotline = new LabHotline(LabHotline.withoutMenu(shipped), PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @Test
    void eachRobotsLineGetsTheScriptItsAudioCallsFor() {
        try (Lab lab = Lab.connect()) {
            Map<String, String> robots = new LinkedHashMap<>();
            for (String robot : List.of("robot-quiet", "robot-noisy", "robot-line-hiss", "robot-talks-clip")) {
                robots.put(robot, lab.call(robot, hotline.via()));
            }
            QueueCallerJoinEvent talker = lab.await(QueueCallerJoinEvent.class,
                    e -> e.getChannel().startsWith("Local/s@robot-talks-clip"), Duration.ofSeconds(40),
                    "the talking robot reaching the queue");
            lab.hangUp(talker.getChannel());

            var quiet = lab.awaitEnd(robots.get("robot-quiet"), Duration.ofSeconds(90));
            var noisy = lab.awaitEnd(robots.get("robot-noisy"), Duration.ofSeconds(90));
            var hiss = lab.awaitEnd(robots.get("robot-line-hiss"), Duration.ofSeconds(90));
            var talks = lab.awaitEnd(robots.get("robot-talks-clip"), Duration.ofSeconds(30));

            assertThat(quiet.getOutcome()).isEqualTo("quiet-line-goodbye");
            // the whole ladder, goodbye and pause included, runs in the one media session opened at the answer
            Lab.assertInOrder(Lab.logLines(quiet.getChannel()), AUDIO_SOCKET, Lab.sent("HANGUP"));
            assertThat(hotline.journalFor(quiet.getChannel())).contains("\"step\":\"too-quiet-goodbye\"",
                    "\"step\":\"pause\"");
            assertThat(noisy.getOutcome()).isEqualTo("noisy-line-goodbye");
            Lab.assertInOrder(Lab.logLines(noisy.getChannel()), AUDIO_SOCKET, Lab.sent("HANGUP"));
            assertThat(hotline.journalFor(noisy.getChannel())).contains("\"step\":\"noisy-goodbye\"",
                    "\"step\":\"pause\"");
            assertThat(hiss.getOutcome()).isEqualTo("silent-line-goodbye");
            assertThat(talks.getOutcome()).isEqualTo("queued:hotline");

            for (HotlineCallEndedEvent end : List.of(quiet, noisy, hiss, talks)) {
                System.out.printf("%s: verdicts after %s ms%n", end.getOutcome(), verdictTimes(end));
            }
            assertThat(hotline.journalFor(talks.getChannel())).contains("\"heard\":\"voice\"");
            assertThat(hotline.journalFor(quiet.getChannel())).contains("\"heard\":\"quiet\"",
                    "\"step\":\"too-quiet-handset\"", "\"step\":\"speak-louder\"", "\"action\":\"play-then-listen\"")
                    .doesNotContain("barged-in");
            assertThat(hotline.journalFor(noisy.getChannel())).contains("\"heard\":\"noisy\"",
                    "\"step\":\"noisy-repeat\"").doesNotContain("barged-in");
        }
    }

    /** How long each listening window took to reach its verdict, from the journal. */
    private static List<Long> verdictTimes(HotlineCallEndedEvent end) {
        Matcher m = Pattern.compile("\"step\":\"[^\"]+\"[^}]*\"after-ms\":(\\d+)")
                .matcher(hotline.journalFor(end.getChannel()));
        List<Long> times = new java.util.ArrayList<>();
        while (m.find()) times.add(Long.parseLong(m.group(1)));
        return times;
    }
}
