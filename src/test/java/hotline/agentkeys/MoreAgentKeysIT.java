package hotline.agentkeys;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.HotlineConfig;
import hotline.lab.ShippedConfig;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineAgentKeyEvent;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's keys AgentKeysIT leaves out (docs/agent-keys.md, call-scripts §3, §4, §7), on the lab's
 * real Asterisk 22: a robot agent ([robot-agent-keys], as Local/more@…) presses them during the bridge
 * and the robot caller ([robot-caller-keys], recording what it hears) hears the handbook's words.
 * Its own server port, agents' queue (it-more-agent-keys), dialect queue (it-more-dialect) and robot
 * names, so it runs beside AgentKeysIT and the dialect tests. Run:
 * {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MoreAgentKeysIT}.
 */
class MoreAgentKeysIT extends LabCalls {

    private static final int PORT = 4615;
    private static final String KOREAN = "8005550103";
    private static final String SPANISH = "8005550101";
    private static final String QUEUE = "it-more-agent-keys";
    private static final String DIALECT_QUEUE = "it-more-dialect";
    private static final String AGENT = "Local/more@robot-agent-keys/n";
    private static final String COLLEAGUE = "Local/more@robot-agent/n";
    /** agent-scripts.right-number for this class (shipped ""): the wrong-number key reads it out. */
    private static final String RIGHT_NUMBER = "5550199";
    private static HotlineConfig config;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        config = LabHotline.withoutMenu(ShippedConfig.with("MoreAgentKeysIT", "queue: hotline ", "queue: " + QUEUE + " ",
                "queues: [dialect-es]", "queues: [" + DIALECT_QUEUE + "]",
                "right-number: \"\"", "right-number: \"" + RIGHT_NUMBER + "\""));
        hotline = new LabHotline(config, PORT, TestStores.sqliteBook()); // no caller history: no repeat-caller whisper
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @BeforeEach
    void logTheRobotAgentIn() {
        lab.addQueueMember(QUEUE, AGENT);
    }

    @AfterEach
    void logTheRobotAgentOut() {
        lab.removeQueueMember(QUEUE, AGENT);
    }

    @Test
    void quietThreeTimesAsksForTheHandsetThenToSpeakLouderThenSaysGoodbyeFiveSecondsAndTheHangUp() {
        String robot = call(KOREAN, Map.of("WAIT", "3", "KEYS", key("quiet"), "GAP", "10", "KEYS2", key("quiet"),
                "KEYS3", key("quiet")));
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:quiet-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "too-quiet-handset", "speak-louder",
                "too-quiet-goodbye");
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(3), "too-quiet-goodbye")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
        assertThat(keyLine(end, "quiet", 1)).contains("\"step\":\"too-quiet-handset\"", "\"outcome\":\"agent:quiet-back\"");
        assertThat(keyLine(end, "quiet", 2)).contains("\"step\":\"speak-louder\"", "\"outcome\":\"agent:quiet-back\"");
        Lab.assertStepsInOrder(keyLine(end, "quiet", 3), "too-quiet-goodbye", "pause", "hangup");
    }

    @Test
    void louderMakesUsTwiceAsLoudForTheCallerThenOneStepMoreAndEachTimeAsksWhetherTheyHearUsClearlyNow() {
        String robot = call(KOREAN, Map.of("WAIT", "3", "KEYS", key("louder"), "GAP", "8", "KEYS2", key("louder"),
                "STAY", "8"));
        // VOLUME(TX) read back on the caller's channel (AMI Getvar) while it is back with the agent
        assertThat(volumeAfterPress(robot, 1)).isEqualTo(2.0);
        assertThat(volumeAfterPress(robot, 2)).isEqualTo(3.0);
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
        var heard = HeardPrompts.by(robot);
        var at = heard.assertInOrder("ko", "connecting", "can-you-hear-me-now");
        // the second one searched for past the whole first one (not 10 ms on, as assertInOrder would)
        Duration again = heard.find("ko", "can-you-hear-me-now", at.get(1).plus(length("can-you-hear-me-now")))
                .orElseThrow(() -> new AssertionError(robot + " heard can-you-hear-me-now only once"));
        Duration closingAt = heard.find("ko", "closing", again)
                .orElseThrow(() -> new AssertionError(robot + " never heard the closing after the second press"));
        // what the caller hears, against "connecting" (before any key): x2 is +6.0 dB, x3 +9.5 dB
        double before = heard.gainDb("ko", "connecting", at.get(0));
        double once = heard.gainDb("ko", "can-you-hear-me-now", at.get(1)) - before;
        double twice = heard.gainDb("ko", "can-you-hear-me-now", again) - before;
        double closing = heard.gainDb("ko", "closing", closingAt) - before;
        System.out.printf("louder (caller's recording): %+.1f dB after the first press, %+.1f dB after the second,"
                + " %+.1f dB at the closing%n", once, twice, closing);
        assertThat(once).as("first press, VOLUME(TX)=2").isBetween(4.5, 7.5);
        assertThat(twice).as("second press, VOLUME(TX)=3").isBetween(8.0, 11.0);
        assertThat(closing).as("the rest of the call stays louder").isBetween(8.0, 11.0);
        assertThat(keyLine(end, "louder", 1)).contains("\"step\":\"louder\",\"volume\":2", "\"outcome\":\"agent:louder-back\"");
        assertThat(keyLine(end, "louder", 2)).contains("\"step\":\"louder\",\"volume\":3", "\"outcome\":\"agent:louder-back\"");
        Lab.assertInOrder(Lab.logLines(end.getChannel()), Lab.sent("SET VARIABLE \"VOLUME(TX)\" \"2\""),
                Lab.sent("SET VARIABLE \"VOLUME(TX)\" \"3\""));
    }

    @Test
    void slowlyAsksTheCallerToSpeakMoreSlowlyAndTheyAreBackWithTheAgentUntilTheClosing() {
        saysItsSentenceThenTheCallerIsBackWithTheAgent("slowly", "speak-slowly");
    }

    @Test
    void privacyRefusesSomeoneElsesDetailsAndTheCallerIsBackWithTheAgentUntilTheClosing() {
        saysItsSentenceThenTheCallerIsBackWithTheAgent("privacy", "privacy");
    }

    @Test
    void invitationThanksAndDeclinesAndTheCallerIsBackWithTheAgentUntilTheClosing() {
        saysItsSentenceThenTheCallerIsBackWithTheAgent("invitation", "invitation-decline");
    }

    @Test
    void outOfScopeSaysTheRequestIsOutsideOurServiceThenFiveSecondsAndTheHangUpWithoutTheClosing() {
        String robot = call(KOREAN, Map.of("WAIT", "3", "KEYS", key("out-of-scope")));
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:out-of-scope-hangup");
        var heard = HeardPrompts.by(robot);
        var at = heard.assertInOrder("ko", "connecting", "outside-scope");
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(1), "outside-scope")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
        assertThat(heard.find("ko", "closing", at.get(1))).isEmpty();
        Lab.assertStepsInOrder(keyLine(end, "out-of-scope", 1), "outside-scope", "pause", "hangup");
    }

    @Test
    void wrongNumberSaysWhoWeAreAndTheRightNumberThenGoodbyeFiveSecondsAndTheHangUp() {
        String robot = call(KOREAN, Map.of("WAIT", "3", "KEYS", key("wrong-number")));
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:wrong-number-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "wrong-number", "right-number-is",
                "thank-you-goodbye");
        // the digits come between: Asterisk's SAY DIGITS in Korean, about 0.35 s a digit
        Duration digits = at.get(3).minus(at.get(2)).minus(length("right-number-is"));
        assertThat(digits).isGreaterThan(Duration.ofMillis(1500));
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(3), "thank-you-goodbye")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
        Lab.assertInOrder(Lab.logLines(end.getChannel()), Lab.sent("SAY DIGITS \"" + RIGHT_NUMBER + "\""));
        Lab.assertStepsInOrder(keyLine(end, "wrong-number", 1), "wrong-number", "right-number-is", "say-digits",
                "thank-you-goodbye", "pause", "hangup");
    }

    @Test
    void dialectReleasesTheAgentAndTheSpanishCallerGoesDownTheLadderToAColleagueWhoUnderstandsTheDialect() {
        lab.addQueueMember(DIALECT_QUEUE, COLLEAGUE);
        try {
            String robot = call(SPANISH, Map.of("WAIT", "3", "KEYS", key("dialect")));
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> DIALECT_QUEUE.equals(e.getQueue()),
                    Duration.ofSeconds(120), "a dialect colleague answering in " + DIALECT_QUEUE);
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = end(robot);
            assertThat(end.getOutcome()).isEqualTo("queued:" + DIALECT_QUEUE);
            HeardPrompts.by(robot).assertInOrder("es", "connecting", "speak-standard", "find-standard-speaker",
                    "dialect-transfer");
            assertThat(keyLine(end, "dialect", 1)).contains("\"step\":\"release-agent\"",
                    "\"outcome\":\"agent:dialect-handed-over\"");
            Lab.assertInOrder(Lab.logLines(end.getChannel()),
                    Lab.sent("EXEC \"Queue\" \"" + QUEUE + ","),
                    Lab.sent("EXEC \"SoftHangup\" \"Local/more@robot-agent-keys"),
                    Lab.sent("GET FULL VARIABLE \"${QUEUE_MEMBER(" + DIALECT_QUEUE + ",logged)}\""),
                    Lab.sent("EXEC \"Queue\" \"" + DIALECT_QUEUE + ","));
            Lab.assertStepsInOrder(hotline.journalLine(end.getChannel(), l -> l.contains("\"outcome\":\"" + end.getOutcome() + "\"")),
                    "queue", "speak-standard", "find-standard-speaker", "queue-members", "dialect-transfer", "queue");
        } finally {
            lab.removeQueueMember(DIALECT_QUEUE, COLLEAGUE);
        }
    }

    @Test
    void dialectForAKoreanCallerWhoseLanguageHasNoDialectQueueOffersNoColleagueAndEndsWithTheStandardOnlyGoodbye() {
        String robot = call(KOREAN, Map.of("WAIT", "3", "KEYS", key("dialect")));
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("dialect-no-queue:ko");
        var heard = HeardPrompts.by(robot);
        var at = heard.assertInOrder("ko", "connecting", "speak-standard", "find-standard-speaker",
                "dialect-standard-only-goodbye");
        assertThat(heard.find("ko", "dialect-transfer", at.get(0))).as("no colleague promised").isEmpty();
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(3), "dialect-standard-only-goodbye"))
                .isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        assertThat(keyLine(end, "dialect", 1)).contains("\"step\":\"release-agent\"",
                "\"outcome\":\"agent:dialect-handed-over\"");
        assertThat(Lab.logLines(end.getChannel())).noneMatch(l -> l.contains("QUEUE_MEMBER(dialect-"));
    }

    /**
     * A key whose sentence sends the caller back to the agent: heard after "connecting", then the
     * caller is with the agent again until they hang up (AGENTKEYS_STAY after the key), and only
     * then the closing and 5 s. A script that ended the call would bring the closing at once.
     */
    private void saysItsSentenceThenTheCallerIsBackWithTheAgent(String script, String prompt) {
        Duration sentence = length(prompt);
        long stay = sentence.toSeconds() + 7; // back with the agent for about 5 s after the sentence
        String robot = call(KOREAN, Map.of("WAIT", "3", "KEYS", key(script), "STAY", String.valueOf(stay)));
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", prompt, "closing");
        Duration backWithTheAgent = at.get(2).minus(at.get(1)).minus(sentence);
        System.out.printf("%s: back with the agent for %d ms after the sentence%n", script, backWithTheAgent.toMillis());
        assertThat(backWithTheAgent).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(stay));
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(2), "closing")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        assertThat(keyLine(end, script, 1)).contains("\"step\":\"" + prompt + "\"", "\"outcome\":\"agent:" + script + "-back\"");
    }

    /**
     * A call from {@code number} to the robot agent, who behaves as {@code agent} says (AGENTKEYS_*).
     * The caller says its first words at the greeting, then keeps silent: [robot-caller-keys]' talk
     * loop ends after about 50 s, before the longest script here does.
     */
    private String call(String number, Map<String, String> agent) {
        var vars = new HashMap<>(hotline.via());
        agent.forEach((k, v) -> vars.put("__AGENTKEYS_" + k, v));
        vars.put("ROBOT_THEN", "silent");
        vars.put("ROBOT_STAY", "110");
        return lab.call("robot-caller-keys", number, vars);
    }

    private HotlineCallEndedEvent end(String robot) {
        return lab.awaitEnd(robot, Duration.ofSeconds(150));
    }

    private static String key(String script) {
        return config.agentScripts().keyOf(script);
    }

    /** VOLUME(TX) on the caller's channel once press {@code n} of the call's keys has returned. */
    private double volumeAfterPress(String robot, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<HotlineAgentKeyEvent> keys = List.of();
        while (keys.size() < n && System.nanoTime() < deadline) {
            Lab.pause(50);
            keys = lab.events(HotlineAgentKeyEvent.class).stream().filter(e -> robot.equals(e.getRobotId())).toList();
        }
        assertThat(keys).as("the HotlineAgentKey events of " + robot).hasSizeGreaterThanOrEqualTo(n);
        String volume = lab.variable(keys.get(n - 1).getChannel(), "VOLUME(TX)");
        assertThat(volume).as("VOLUME(TX) on the caller's channel after press " + n).isNotBlank();
        return Double.parseDouble(volume);
    }

    /** The journal line of press {@code press} of {@code script} (each press is its own AGI session). */
    private static String keyLine(HotlineCallEndedEvent end, String script, int press) {
        return hotline.journalLine(end.getChannel(), l -> l.contains("\"value\":\"" + script + " " + key(script) + " press " + press + "\""));
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("ko", prompt));
    }
}
