package hotline.agentkeys;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.flow.CallbackBook;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 on the lab's real Asterisk 22: a robot agent in the queue ([robot-agent-keys]) presses
 * an agent key during the bridge, and the robot caller ([robot-caller-keys], Korean number,
 * recording what it hears) hears the handbook's script with its pauses. Run:
 * {@code bash asterisk-conf/lab.sh start && mvn -B verify -Dit.test=AgentKeysIT}.
 */
class AgentKeysIT extends LabCalls {

    private static final int PORT = 4591;
    private static final String KOREAN = "8005550103";
    private static final String AGENT = "Local/s@robot-agent-keys/n";
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        hotline = new LabHotline(LabHotline.withoutMenu(shipped).withServer(new Server("127.0.0.1", PORT, 20,
                Duration.ofSeconds(5))), PORT, booking -> new CallbackBook.Booked.Stored("it"));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    /** A call from the Korean number to the robot agent, who behaves as {@code agent} says (AGENTKEYS_*). */
    private String call(String robot, Map<String, String> agent, Map<String, String> caller) {
        var vars = new HashMap<>(hotline.via());
        agent.forEach((k, v) -> vars.put("__AGENTKEYS_" + k, v));
        vars.putAll(caller);
        lab.addQueueMember("hotline", AGENT);
        return lab.call(robot, KOREAN, vars);
    }

    private HotlineCallEndedEvent end(String robot) {
        try {
            return lab.awaitEnd(robot, Duration.ofSeconds(150));
        } finally {
            lab.removeQueueMember("hotline", AGENT);
        }
    }

    @Test
    void repeatTheCallerHearsRepeatPleaseInKoreanThenTheClosingWhenTheAgentHangsUp() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "*1", "STAY", "15"), Map.of());
        assertThat(end(robot).getOutcome()).isEqualTo("queued:hotline");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "repeat-please", "closing");
        assertThat(hangupAfter(robot, at.get(2), "closing")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    @Test
    void noisyTwiceSaysItAgainThenGoodbyeFiveSecondsAndTheHangUp() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "*2", "GAP", "12", "KEYS2", "*2"), Map.of());
        assertThat(end(robot).getOutcome()).isEqualTo("agent:noisy-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "noisy-repeat", "noisy-goodbye");
        assertThat(hangupAfter(robot, at.get(1), "noisy-goodbye")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    @Test
    void abusiveTwiceWarnsThenTheLastSentenceFiveSecondsTheHangUpAndAReportToTheTeamLead() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "#2", "GAP", "12", "KEYS2", "#2"), Map.of());
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:abusive-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "civil-language", "abusive-last-words");
        assertThat(hangupAfter(robot, at.get(1), "abusive-last-words")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
        assertThat(hotline.journal).anySatisfy(line -> assertThat(line)
                .contains("\"alert\"", "HotlineAbusiveCaller", "agent:abusive-hangup"));
        // res_agi logs each EXEC at verbose 3: "AGI Script Executing Application: (UserEvent) Options: (...)"
        assertThat(Lab.logLines("Executing Application: (UserEvent)")).anyMatch(l -> l.contains("HotlineAbusiveCaller"));
    }

    @Test
    void closingWithASilentCallerThanksThenMustHangUpThenFiveSecondsAndTheHangUp() {
        String robot = call("robot-caller-keys", Map.of("WAIT", "3", "KEYS", "*0"), Map.of("ROBOT_THEN", "silent"));
        assertThat(end(robot).getOutcome()).isEqualTo("agent:closing-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "anything-else", "closing", "must-hang-up");
        Duration gap = at.get(2).minus(at.get(1)).minus(length("closing"));
        assertThat(gap).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        assertThat(hangupAfter(robot, at.get(2), "must-hang-up")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
    }

    @Test
    void theAgentSimplyHangingUpLeavesTheCallerTheClosingAndFiveSeconds() {
        String robot = call("robot-caller-keys", Map.of("STAY", "6"), Map.of());
        assertThat(end(robot).getOutcome()).isEqualTo("queued:hotline");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "closing");
        assertThat(hangupAfter(robot, at.get(1), "closing")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    @Test
    void aCallerPressingTheAgentsKeysTriggersNothing() {
        String robot = call("robot-caller-keys", Map.of("STAY", "25"), Map.of("ROBOT_KEYS", "*1#2*0", "ROBOT_AFTER", "12"));
        var ended = end(robot);
        assertThat(ended.getOutcome()).isEqualTo("queued:hotline");
        var heard = HeardPrompts.by(robot);
        var closing = heard.assertInOrder("ko", "connecting", "closing").get(1);
        for (String key : List.of("repeat-please", "civil-language", "anything-else")) {
            assertThat(heard.find("ko", key, Duration.ZERO)).as(key).isEmpty();
        }
        assertThat(closing).isGreaterThan(Duration.ofSeconds(25));
        // this call's lines only (the class's earlier calls pressed agent keys on purpose)
        assertThat(hotline.journal).filteredOn(line -> line.contains("\"channel\":\"" + ended.getChannel() + "\""))
                .isNotEmpty().noneSatisfy(line -> assertThat(line).contains("\"outcome\":\"agent:"));
    }

    /** From the end of {@code prompt} (heard at {@code at}) to the end of the caller's recording: the hang-up. */
    private static Duration hangupAfter(String robot, Duration at, String prompt) {
        return seconds(Recording.heardBy(robot)).minus(at).minus(length(prompt));
    }

    private static Duration length(String prompt) {
        return seconds(HeardPrompts.prompt("ko", prompt));
    }

    private static Duration seconds(Path wav) {
        try (var in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return Duration.ofMillis(Math.round(in.getFrameLength() * 1000.0 / in.getFormat().getFrameRate()));
        } catch (Exception e) {
            throw new AssertionError("cannot read " + wav + ": " + e, e);
        }
    }
}
