package hotline.walking;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.ShippedConfig;
import hotline.lab.AgiTrace;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.JournalLine;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.lab.RobotVoice;
import hotline.store.CallbackFilter;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.UUID;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §3.3 / §9.4 on the lab's real Asterisk 22: the caller may hang up first, at any
 * moment, and the call ends right there. A caller who hangs up inside a scripted 5 s pause (after
 * the silent line's goodbye; after the closing when the agent hung up) or in the middle of the
 * greeting: the server notices at once (not when the pause would have ended), records the step,
 * sends no HANGUP of its own, holds no live call or media session afterwards and stores nothing.
 * Its own server port and agents' queue (it-hang-up-agents, robot agent Local/hangup@robot-agent/n).
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HangUpAnywhereIT}.
 */
class HangUpAnywhereIT extends LabCalls {

    private static final int PORT = 4645;
    private static final String QUEUE = "it-hang-up-agents";
    private static final String AGENT = "Local/hangup@robot-agent/n";
    /** Where in a 5 s pause the caller hangs up: well inside it, whatever the lab's jitter. */
    private static final Duration INTO_THE_PAUSE = Duration.ofMillis(2500);
    private static final String LIVE = "hotline_live_calls";
    private static final String SESSIONS = "hotline_audiosocket_sessions_open";
    private static CallbackStore store;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        store = TestStores.sqlite();
        hotline = new LabHotline(ShippedConfig.with("HangUpAnywhereIT", "queue: hotline ", "queue: " + QUEUE + " "),
                PORT, new StoreCallbackBook(store));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    @Test
    void aSilentCallerWhoHangsUpInTheFiveSecondsAfterTheGoodbyeEndsTheCallInThatPauseAndNothingIsStored() {
        // the silent ladder as the caller hears it, then INTO_THE_PAUSE: a phone sending digital silence
        Duration goodbyeEnds = Duration.ofMillis(300).plus(length("greeting")).plus(length("more-options"))
                .plusSeconds(5).plus(length("cant-hear-you")).plusSeconds(5).plus(length("no-sound-goodbye"));
        double hangsUpAt = goodbyeEnds.plus(INTO_THE_PAUSE).toMillis() / 1000.0;
        double hungUpBefore = callerHungUp();
        String robot = silentPhoneHangingUpAfter(hangsUpAt);

        hotline.awaitSample(LIVE, 1, Duration.ofSeconds(10)); // the call is counted while it is on
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(90));

        assertThat(end.getOutcome()).isEqualTo("caller-hung-up:pause");
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        assertThat(journal.outcome()).isEqualTo("caller-hung-up:pause");
        Lab.assertStepsInOrder(journal.text(), "greeting", "more-options", "listen", "cant-hear-you",
                "no-sound-goodbye", "pause");
        assertThat(journal.lastStep()).as("the pause is the call's last step: no hangup of ours").isEqualTo("pause");
        var at = HeardPrompts.by(robot).assertInOrder("en", "greeting", "more-options", "cant-hear-you",
                "no-sound-goodbye");
        Duration hungUpAfterGoodbye = heardUntil(robot).minus(at.get(3)).minus(length("no-sound-goodbye"));
        Duration endedIntoPause = journal.endedAfter("pause");
        assertHungUpInsideThePause("silent line", hungUpAfterGoodbye, endedIntoPause);
        assertEndedClean(end, "caller-hung-up:pause", hungUpBefore);
    }

    @Test
    void aCallerWhoHangsUpInThePauseAfterTheAgentsClosingEndsTheCallThereAsAPlainAgentCall() throws Exception {
        lab.addQueueMember(QUEUE, AGENT);
        try {
            var vars = new HashMap<>(hotline.via());
            vars.put("ROBOT_THEN", "silent"); // its first words put it through, then it keeps silent
            vars.put("ROBOT_STAY", "110");
            String robot = lab.call("robot-caller-keys", vars);
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> QUEUE.equals(e.getQueue()),
                    Duration.ofSeconds(60), "the robot agent answering in " + QUEUE);
            Thread.sleep(3000); // the caller and the agent talk
            lab.hangUp(connected.getDestChannel()); // the agent hangs up: the closing, 5 s, our hang-up
            // the caller's own phone hangs up (the robot's half of the Local channel) inside that pause
            Thread.sleep(Duration.ofMillis(300).plus(length("closing")).plus(INTO_THE_PAUSE).toMillis());
            lab.hangUp(connected.getChannel().replace(";1", ";2"));
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(30));

            // AfterAgent: a caller who hangs up first, during the closing or its pause, is a plain agent call
            assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
            JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
            Lab.assertStepsInOrder(journal.text(), "connecting", "queue", "closing", "pause");
            assertThat(journal.step("queue").path("end").asText()).isEqualTo("answered");
            assertThat(journal.lastStep()).as("the pause is the call's last step: no hangup of ours").isEqualTo("pause");
            var at = HeardPrompts.by(robot).assertInOrder("en", "connecting", "closing");
            Duration hungUpAfterClosing = heardUntil(robot).minus(at.get(1)).minus(length("closing"));
            Duration endedIntoPause = journal.endedAfter("pause");
            assertHungUpInsideThePause("after the agent", hungUpAfterClosing, endedIntoPause);
            assertEndedClean(end, "queued:" + QUEUE, -1);
        } finally {
            lab.removeQueueMember(QUEUE, AGENT);
        }
    }

    @Test
    void aCallerWhoHangsUpInTheMiddleOfTheGreetingEndsTheCallInTheGreetingOverTheAudioPathAndNothingIsStored() {
        double hungUpBefore = callerHungUp();
        String robot = silentPhoneHangingUpAfter(2.0); // the greeting lasts 4.15 s

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(30));

        assertThat(end.getOutcome()).isEqualTo("caller-hung-up:greeting");
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        assertThat(journal.lastStep()).isEqualTo("greeting");
        Duration endedIntoGreeting = journal.endedAfter("greeting");
        System.out.printf("greeting: the server ended the call %d ms after the greeting began (%d ms long)%n",
                endedIntoGreeting.toMillis(), length("greeting").toMillis());
        assertThat(endedIntoGreeting).as("the server stopped the greeting, not waited for its end")
                .isLessThan(length("greeting").minusMillis(500));
        var heard = HeardPrompts.by(robot);
        assertThat(heard.findCutShort("en", "greeting", Duration.ZERO, Duration.ofMillis(1000)))
                .as("the caller heard the greeting begin").isPresent();
        assertThat(heard.find("en", "greeting", Duration.ZERO)).as("and not its end").isEmpty();
        // the greeting streamed over the call's AudioSocket session, not STREAM FILE
        var commands = AgiTrace.of(Lab.fullLog(), end.getChannel()).commands();
        Lab.assertInOrder(commands, "^ANSWER", "^EXEC \"AudioSocket\" \"[0-9a-f-]{36},127\\.0\\.0\\.1:" + (PORT + 100));
        assertThat(commands).noneMatch(c -> c.startsWith("STREAM FILE"));
        assertEndedClean(end, "caller-hung-up:greeting", hungUpBefore);
    }

    /**
     * What every test here proves after the caller hung up: the server sent no HANGUP (the caller
     * was gone first) and set the outcome; it holds no live call and no media session; no callback
     * was stored; the outcome class was counted once (unless {@code hungUpBefore} is negative).
     */
    private static void assertEndedClean(HotlineCallEndedEvent end, String outcome, double hungUpBefore) {
        var commands = AgiTrace.of(Lab.fullLog(), end.getChannel()).commands();
        assertThat(commands).as("the server's AGI commands").noneMatch(c -> c.equals("HANGUP"))
                .anyMatch(c -> c.equals("SET VARIABLE \"HOTLINE_OUTCOME\" \"" + outcome + "\""));
        Duration toZero = hotline.awaitSample(LIVE, 0, Duration.ofSeconds(3));
        System.out.printf("%s: no live call %d ms after the end event%n", outcome, toZero.toMillis());
        hotline.awaitSample(SESSIONS, 0, Duration.ofSeconds(3));
        assertThat(store.list(CallbackFilter.all())).as("callbacks stored").isEmpty();
        if (hungUpBefore >= 0) hotline.awaitSample(callerHungUpSample(), hungUpBefore + 1, Duration.ofSeconds(3));
    }

    /** A phone that sends digital silence from its answer and hangs up {@code seconds} later ([robot-phone]). */
    private String silentPhoneHangingUpAfter(double seconds) {
        String audio = new RobotVoice(11).line(Double.NEGATIVE_INFINITY).lineFor(seconds)
                .writeFor("hangs-up-" + UUID.randomUUID().toString().substring(0, 8));
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_AUDIO", audio);
        vars.put("ROBOT_THEN", "hangup");
        return lab.call("robot-phone", "s", vars);
    }

    /** The caller's recording ends when its phone hangs up (read once MixMonitor has closed it). */
    /** The caller hung up well inside the 5 s pause, and the server ended the call then, not at the pause's end. */
    private static void assertHungUpInsideThePause(String where, Duration hungUpInto, Duration endedInto) {
        System.out.printf("%s: the caller hung up %d ms into the pause; the server ended the call %d ms into it%n",
                where, hungUpInto.toMillis(), endedInto.toMillis());
        assertThat(hungUpInto).as("the caller hung up inside the 5 s pause")
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(4500));
        assertThat(endedInto).as("the server did not sit out the rest of the pause")
                .isLessThan(hungUpInto.plusMillis(1500));
    }

    private static Duration heardUntil(String robot) {
        return Recording.of(Recording.heardBy(robot), -60, Duration.ofMillis(400)).length();
    }

    private static double callerHungUp() {
        return hotline.sample(callerHungUpSample());
    }

    private static String callerHungUpSample() {
        return "hotline_calls_total{outcome=\"caller-hung-up\"}";
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("en", prompt));
    }
}
