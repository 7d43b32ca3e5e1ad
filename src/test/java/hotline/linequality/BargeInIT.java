package hotline.linequality;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.audio.PromptAudio;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.lab.AgiTrace;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.LabHotline;
import hotline.lab.Lab;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * A caller who speaks over "Hello? I can't hear you" is heard at once (docs/line-quality.md,
 * barge-in): the robot is silent through the greeting and the first 5 s window, then
 * starts talking while the re-prompt plays through the AudioSocket session.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class BargeInIT {

    private static final int PORT = 4587;
    private static LabHotline hotline;
    private static HotlineConfig config;

    /** The shipped config without the language menu, so the greeting is short and its length known. */
    @BeforeAll
    static void startServer() {
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        config = LabHotline.withoutMenu(shipped);
        hotline = new LabHotline(config, PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @Test
    void aRobotThatStartsTalkingDuringCantHearYouStopsItAndIsPutThroughToTheAgents() {
        // without the language menu the greeting is followed by the complaint option only
        Duration greeting = prompt("greeting").length().plus(prompt(config.inbound().complaint().optionPrompt()).length());
        Duration window = config.inbound().listening().listenFor();
        // the robot's voice starts about 0.7 s into the 3 s re-prompt (the clip opens with 0.3 s of pause)
        Duration talkAfter = greeting.plus(window).plusMillis(400);
        try (Lab lab = Lab.connect()) {
            var vars = new HashMap<>(hotline.via());
            vars.put("ROBOT_WAIT", String.format(java.util.Locale.ROOT, "%.2f", talkAfter.toMillis() / 1000.0));
            String robot = lab.call("robot-talks-late", vars);

            QueueCallerJoinEvent joined = lab.await(QueueCallerJoinEvent.class,
                    e -> e.getChannel().startsWith("Local/s@robot-talks-late"), Duration.ofSeconds(40),
                    "the late talker reaching the queue");
            lab.hangUp(joined.getChannel());
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

            assertThat(end.getOutcome()).isEqualTo("queued:hotline");
            String journal = hotline.journalFor(end.getChannel());
            assertThat(journal).contains("\"step\":\"cant-hear-you\"", "\"action\":\"play-then-listen\"",
                    "\"heard\":\"voice\"", "\"barged-in-after-ms\":");
            long bargedInAfterMs = number(journal, "barged-in-after-ms");
            assertThat(Duration.ofMillis(bargedInAfterMs)).isLessThan(prompt("cant-hear-you").length());

            // one media session from the answer: the re-prompt is streamed in it, never STREAM FILEd,
            // and the session ends (its EXEC returns) before the Queue; EarlySpeakersIT measures the
            // latency as the caller hears it, from the robots' recordings
            AgiTrace trace = AgiTrace.of(Lab.fullLog(), end.getChannel());
            int session = trace.indexOfCommand("EXEC \"AudioSocket\"", 0);
            assertThat(trace.indexOfCommand("EXEC \"Queue\"", session)).isGreaterThan(session);
            assertThat(trace.commands()).noneMatch(c -> c.contains("cant-hear-you"));
            // as the caller heard it: the whole greeting, then (the re-prompt cut short) "connecting"
            HeardPrompts.by(robot).assertInOrder("en", "greeting", "connecting");
            System.out.printf("barge-in: barged in %d ms into cant-hear-you (server's journal)%n", bargedInAfterMs);
        }
    }

    private static PromptAudio prompt(String key) {
        return PromptAudio.read(Path.of("sounds/en/hotline/" + key + ".wav"));
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
