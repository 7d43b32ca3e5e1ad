package hotline.agentkeys;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Callers;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.ShippedConfig;
import hotline.lab.Recording;
import hotline.store.CallbackStore;
import hotline.store.StoreCallerHistory;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.event.AgentConnectEvent;
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

    private static final int PORT = 4673;
    private static final String KOREAN = "8005550103";
    private static final String AGENT = "Local/s@robot-agent-keys/n";
    private static final String QUEUE = "it-agent-keys";
    private static final String LEAD_QUEUE = "it-agent-keys-lead";
    private static final List<CallbackBooking> booked = new CopyOnWriteArrayList<>();
    private static LabHotline hotline;
    private static CallbackStore store; // the abusive caller's report is stored here

    @BeforeAll
    static void startServer() {
        // lines of its own (queues.conf), so it runs beside the classes that use hotline and teamlead
        HotlineConfig shipped = ShippedConfig.with("AgentKeysIT", "queue: hotline ", "queue: " + QUEUE + " ",
                "queue: teamlead\n", "queue: " + LEAD_QUEUE + "\n");
        store = TestStores.sqlite();
        // every call here is from one number: without repeat-caller whispers, which would delay the bridge
        Callers c = shipped.callers();
        var noRepeats = new Callers(Duration.ZERO, c.blockedPrompt(), c.pauseBeforeHangup(), c.autoBlockAfter(),
                c.autoBlockWithin(), c.blockFor(), c.reportsKeep());
        hotline = new LabHotline(LabHotline.withoutMenu(shipped).withCallers(noRepeats).withServer(new Server("127.0.0.1", PORT, 20,
                Duration.ofSeconds(5))), PORT, booking -> {
                    booked.add(booking);
                    return new CallbackBook.Booked.Stored("it-" + booked.size());
                }, new StoreCallerHistory(store.callers()));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    /** A call from the Korean number to the robot agent, who behaves as {@code agent} says (AGENTKEYS_*). */
    private String call(String robot, Map<String, String> agent, Map<String, String> caller) {
        var vars = new HashMap<>(hotline.via());
        agent.forEach((k, v) -> vars.put("__AGENTKEYS_" + k, v));
        vars.putAll(caller);
        lab.addQueueMember(QUEUE, AGENT);
        return lab.call(robot, KOREAN, vars);
    }

    private HotlineCallEndedEvent end(String robot) {
        try {
            return lab.awaitEnd(robot, Duration.ofSeconds(150));
        } finally {
            lab.removeQueueMember(QUEUE, AGENT);
        }
    }

    @Test
    void repeatTheCallerHearsRepeatPleaseInKoreanThenTheClosingWhenTheAgentHangsUp() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "*1", "STAY", "15"), Map.of());
        assertThat(end(robot).getOutcome()).isEqualTo("queued:" + QUEUE);
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "repeat-please", "closing");
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(2), "closing")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    @Test
    void noisyTwiceSaysItAgainThenGoodbyeFiveSecondsAndTheHangUp() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "*2", "GAP", "12", "KEYS2", "*2"), Map.of());
        assertThat(end(robot).getOutcome()).isEqualTo("agent:noisy-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "noisy-repeat", "noisy-goodbye");
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(1), "noisy-goodbye")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    @Test
    void abusiveTwiceWarnsThenTheLastSentenceFiveSecondsTheHangUpAndAReportToTheTeamLead() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "#2", "GAP", "12", "KEYS2", "#2"), Map.of());
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:abusive-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "civil-language", "abusive-last-words");
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(1), "abusive-last-words")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
        assertThat(hotline.journal).anySatisfy(line -> assertThat(line)
                .contains("\"alert\"", "HotlineAbusiveCaller", "agent:abusive-hangup"));
        // this call's own AGI trace: the alert sent as a UserEvent for the team lead's screen
        Lab.assertInOrder(Lab.logLines(end.getChannel()), Lab.sent("EXEC \"UserEvent\" \"HotlineAbusiveCaller,"));
        // §7 "report it to the team lead": a stored report naming the caller, this call and the agent
        assertThat(store.callers().reports(Optional.of("5550100"), 10)).anySatisfy(r -> {
            assertThat(r.agent()).startsWith("Local/s@robot-agent-keys");
            assertThat(r.queue()).isEqualTo(QUEUE);
        });
    }

    @Test
    void closingWithASilentCallerThanksThenMustHangUpThenFiveSecondsAndTheHangUp() {
        String robot = call("robot-caller-keys", Map.of("WAIT", "3", "KEYS", "*0"), Map.of("ROBOT_THEN", "silent"));
        assertThat(end(robot).getOutcome()).isEqualTo("agent:closing-hangup");
        var at = HeardPrompts.by(robot).assertInOrder("ko", "anything-else", "closing", "must-hang-up");
        Duration gap = at.get(2).minus(at.get(1)).minus(length("closing"));
        assertThat(gap).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(2), "must-hang-up")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
    }

    @Test
    void theAgentSimplyHangingUpLeavesTheCallerTheClosingAndFiveSeconds() {
        String robot = call("robot-caller-keys", Map.of("STAY", "6"), Map.of());
        assertThat(end(robot).getOutcome()).isEqualTo("queued:" + QUEUE);
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "closing");
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(1), "closing")).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    }

    @Test
    void aCallerPressingTheAgentsKeysTriggersNothing() {
        String robot = call("robot-caller-keys", Map.of("STAY", "25"), Map.of("ROBOT_KEYS", "*1#2*0", "ROBOT_AFTER", "12"));
        var ended = end(robot);
        assertThat(ended.getOutcome()).isEqualTo("queued:" + QUEUE);
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

    @Test
    void holdTheCallerHearsPleaseWaitThenMusicThenThankYouForWaitingWhenTheAgentTakesItBack() {
        String robot = call("robot-caller-keys", Map.of("WAIT", "3", "KEYS", "*7", "GAP", "8", "KEYS2", "*8", "STAY", "6"),
                Map.of());
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
        var at = HeardPrompts.by(robot).assertInOrder("ko", "connecting", "hold-check", "thank-you-for-waiting", "closing");
        // on hold from the end of hold-check to the agent's hold-back key, GAP (8 s) after the hold key
        Duration onHold = at.get(2).minus(at.get(1)).minus(length("hold-check"));
        assertThat(onHold).isBetween(Duration.ofMillis(2500), Duration.ofMillis(7000));
        assertThat(HeardPrompts.by(robot).find("ko", "hold-reminder", Duration.ZERO)).isEmpty();
        assertThat(keyLines(end)).anySatisfy(line -> assertThat(line).contains("\"outcome\":\"agent:hold-back\""));
    }

    @Test
    void holdForSixtySecondsRemindsTheAgentAndTheCallerWhoPresses1IsPromisedACallbackWithin24Hours() {
        // the caller presses 1 a few seconds into the reminder (about 72 s after its first words), then every 3 s
        String robot = call("robot-caller-keys", Map.of("WAIT", "2", "KEYS", "*7", "STAY", "150"),
                Map.of("ROBOT_KEYS", "1", "ROBOT_AFTER", "72", "ROBOT_EVERY", "3"));
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:hold-hangup");
        var heard = HeardPrompts.by(robot);
        Duration holdFrom = heard.assertInOrder("ko", "hold-check").getFirst().plus(length("hold-check"));
        // the caller's key cuts the reminder short (barge-in): its beginning is what they heard
        Duration reminder = heard.findCutShort("ko", "hold-reminder", holdFrom, Duration.ofMillis(800))
                .orElseThrow(() -> new AssertionError(robot + " never heard the hold reminder begin"));
        Duration onHold = reminder.minus(holdFrom);
        assertThat(onHold).as("hold-remind-after (60 s), checked once a second").isBetween(Duration.ofMillis(58_500),
                Duration.ofMillis(62_500));
        Duration promise = heard.find("ko", "callback-confirmed-24h", reminder)
                .orElseThrow(() -> new AssertionError(robot + " never heard the 24 h promise after the reminder"));
        Duration hangup = Recording.hangUpAfter(robot, "ko", promise, "callback-confirmed-24h");
        assertThat(hangup).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
        assertThat(keyLines(end)).anySatisfy(line -> assertThat(line).contains("HotlineHoldReminder"));
        assertThat(booked).anySatisfy(b -> {
            assertThat(b.reason()).isEqualTo("complex");
            assertThat(b.number()).isEqualTo("5550100");
            assertThat(b.language()).isEqualTo("ko");
        });
        System.out.printf("hold (caller's recording): reminder %d ms after the music began; hang-up %d ms after the"
                + " 24 h promise%n", onHold.toMillis(), hangup.toMillis());
    }

    @Test
    void escalateReleasesTheAgentAndTheCallerGoesToTheTeamLeadWithTheirDetailsAndTheAgentWhoEscalated() {
        String lead = "Local/keys-lead@robot-agent/n"; // a device state of its own
        lab.addQueueMember(LEAD_QUEUE, lead);
        try {
            String robot = call("robot-caller-keys", Map.of("WAIT", "3", "KEYS", "*9"),
                    Map.of("ROBOT_THEN", "silent", "ROBOT_STAY", "100"));
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> LEAD_QUEUE.equals(e.getQueue()),
                    Duration.ofSeconds(120), "the team lead answering the escalated call");
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = end(robot);
            assertThat(end.getOutcome()).isEqualTo("queued:" + LEAD_QUEUE);
            HeardPrompts.by(robot).assertInOrder("ko", "connecting", "complaint-escalating", "complaint-record-statement");
            Lab.assertStepsInOrder(callLine(end), "complaint-escalating",
                    "complaint-record-statement", "tell-agents", "queue");
            Lab.assertInOrder(Lab.logLines(end.getChannel()),
                    Lab.sent("SET VARIABLE \"__HOTLINE_ESCALATED_BY\" \"Local/s@robot-agent-keys"),
                    Lab.sent("SET VARIABLE \"__HOTLINE_WAITED\""),
                    Lab.sent("EXEC \"Queue\" \"" + LEAD_QUEUE + ","));
        } finally {
            lab.removeQueueMember(LEAD_QUEUE, lead);
        }
    }

    @Test
    void closingWithASpeakingCallerTakesThemBackToTheAgentWithoutAGoodbye() {
        String robot = call("robot-caller-keys", Map.of("WAIT", "3", "KEYS", "*0", "STAY", "10"), Map.of());
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
        var heard = HeardPrompts.by(robot);
        Duration connecting = heard.assertInOrder("ko", "connecting").getFirst();
        // the caller's voice cuts "anything else?" short (barge-in): its beginning is what they heard.
        // A caller already mid-word when it starts stops it within a frame or two (CI saw it): then
        // the journal, not the recording, shows it was said, and the time bound starts at "connecting"
        assertThat(keyLines(end)).anySatisfy(line -> assertThat(line).contains("\"step\":\"anything-else\""));
        Duration anythingElse = heard.findCutShort("ko", "anything-else", connecting.plus(length("connecting")),
                Duration.ofMillis(800)).orElse(connecting.plus(length("connecting")));
        Duration closing = heard.find("ko", "closing", anythingElse)
                .orElseThrow(() -> new AssertionError(robot + " never heard the closing after the agent hung up"));
        assertThat(heard.find("ko", "must-hang-up", Duration.ZERO)).isEmpty();
        // back with the agent until they hang up (STAY 10 s after the key), not the 5 s silent-caller path
        assertThat(closing.minus(anythingElse)).isGreaterThan(Duration.ofSeconds(8));
        System.out.printf("closing, speaking caller: back with the agent for %d ms, then the closing%n",
                closing.minus(anythingElse).toMillis());
        assertThat(keyLines(end)).anySatisfy(line -> assertThat(line).contains("\"outcome\":\"agent:closing-back\""));
    }

    @Test
    void wrongNumberWithTheShippedEmptyRightNumberSaysWhoWeAreThenGoodbyeAndFiveSecondsReadingOutNoNumber() {
        String robot = call("robot-caller-keys", Map.of("KEYS", "#3"), Map.of());
        HotlineCallEndedEvent end = end(robot);
        assertThat(end.getOutcome()).isEqualTo("agent:wrong-number-hangup");
        var heard = HeardPrompts.by(robot);
        var at = heard.assertInOrder("ko", "connecting", "wrong-number", "thank-you-goodbye");
        assertThat(heard.find("ko", "right-number-is", at.get(1))).as("agent-scripts.right-number is \"\"").isEmpty();
        assertThat(Recording.hangUpAfter(robot, "ko", at.get(2), "thank-you-goodbye")).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(6500));
        assertThat(Lab.logLines(end.getChannel())).noneMatch(l -> l.contains("SAY DIGITS"));
        assertThat(keyLines(end)).anySatisfy(line -> assertThat(Lab.steps(line))
                .containsSubsequence("wrong-number", "thank-you-goodbye", "pause", "hangup")
                .doesNotContain("right-number-is", "say-digits"));
    }

    /** The call's own journal line (its key presses have lines of their own on the same channel). */
    private static String callLine(HotlineCallEndedEvent end) {
        return hotline.journalLine(end.getChannel(), l -> l.contains("\"outcome\":\"" + end.getOutcome() + "\""));
    }

    /** The journal lines of this call's key presses (each press is its own AGI session on the caller's channel). */
    private static List<String> keyLines(HotlineCallEndedEvent end) {
        return hotline.journal.stream().filter(line -> line.contains("\"channel\":\"" + end.getChannel() + "\""))
                .filter(line -> line.contains("AGENT_KEY")).toList();
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("ko", prompt));
    }
}
