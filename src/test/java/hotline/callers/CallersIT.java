package hotline.callers;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import hotline.store.StoreCallerHistory;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sound.sampled.AudioSystem;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * The block list (§7, issue 11) and repeat callers (§1, issue 12 item 6) on the lab's real
 * Asterisk 22, with a real SQLite store: a blocked robot caller hears the polite refusal, 5 s, the
 * hang-up; a robot's second call makes the answering robot agent's whisper say "repeat caller".
 * Run: {@code bash asterisk-conf/lab.sh start && mvn -B verify -Dit.test=CallersIT}.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class CallersIT extends LabCalls {

    private static final int PORT = 4675;
    private static final String AGENT = "Local/s@robot-agent-ears/n";
    private static CallbackStore store;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        store = TestStores.sqlite();
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        hotline = new LabHotline(LabHotline.withoutMenu(shipped), PORT, new StoreCallbackBook(store),
                new StoreCallerHistory(store.callers()));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    /** A number no earlier run used: the store is new, but the lab's recordings are not. */
    private static String freshNumber() {
        return "5557" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    @Test
    void aBlockedCallerHearsThePoliteRefusalThenFiveSecondsThenTheHangUpAndNoGreeting() {
        String number = freshNumber();
        store.callers().block(number, Instant.now(), Optional.empty(), "CallersIT", "it");

        String robot = lab.callFrom("robot-speaks", number, hotline.via());
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(40));

        assertThat(end.getOutcome()).isEqualTo("blocked");
        var heard = HeardPrompts.by(robot);
        Duration at = heard.assertInOrder("en", "line-cannot-take-call").getFirst();
        assertThat(heard.find("en", "greeting", Duration.ZERO)).isEmpty();
        Duration hangup = seconds(Recording.heardBy(robot)).minus(at).minus(seconds(HeardPrompts.prompt("en",
                "line-cannot-take-call")));
        assertThat(hangup).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        assertThat(hotline.journalFor(end.getChannel())).contains("\"outcome\":\"blocked\"", "line-cannot-take-call");
    }

    @Test
    void aSecondCallFromTheSameNumberMakesTheAgentsWhisperSayRepeatCallerAndTheCallerHearsNothingOfIt()
            throws Exception {
        String number = freshNumber();
        String first = lab.callFrom("robot-hangs-up-greeting", number, hotline.via());
        lab.awaitEnd(first, Duration.ofSeconds(30));

        String agentEars = "agent-ears-" + UUID.randomUUID().toString().substring(0, 8);
        var vars = new HashMap<>(hotline.via());
        vars.put("__AGENTEARS_ID", agentEars);
        vars.put("__AGENTEARS_STAY", "15");
        lab.addQueueMember("hotline", AGENT);
        try {
            String robot = lab.callFrom("robot-speaks", number, vars);
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class,
                    e -> "hotline".equals(e.getQueue()) && number.equals(e.getCallerIdNum()),
                    Duration.ofSeconds(60), "the robot agent answering this caller");
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(60));

            assertThat(end.getOutcome()).isEqualTo("queued:hotline");
            // the robot agent's own recording: the whisper before the bridge
            HeardPrompts.by(agentEars).assertInOrder("en", "agent-repeat-caller", "agent-repeat-today");
            assertThat(Lab.logLines(connected.getDestChannel())) // the agent's leg, where agent-whisper runs
                    .anyMatch(l -> l.contains("agent-whisper") && l.contains("hotline/agent-repeat-caller"));
            var callerHeard = HeardPrompts.by(robot);
            for (String key : new String[] {"agent-repeat-caller", "agent-repeat-today"}) {
                assertThat(callerHeard.find("en", key, Duration.ZERO)).as("the caller heard " + key).isEmpty();
            }
            assertThat(hotline.journalFor(end.getChannel())).contains("tell-agents", "REPEAT_DAYS");
        } finally {
            lab.removeQueueMember("hotline", AGENT);
        }
    }

    private static Duration seconds(Path wav) {
        try (var in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return Duration.ofMillis(in.getFrameLength() * 1000 / (long) in.getFormat().getFrameRate());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + wav, e);
        }
    }
}
