package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.JournalLine;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.store.CallbackFilter;
import hotline.store.CallbackQueue;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §5.6 and §3.3 / §9.4 on the lab's real Asterisk 22: the callback capture ended
 * early, by the caller or by a number we cannot call. A withheld caller ([robot-caller-keys], keys
 * at times worked out from the prompts' lengths, {@link KeyTimes}) takes the queue's offer and types
 * a number; then (1) hangs up while it is read back: nothing is stored; (2) the number is abroad:
 * "we can only call back numbers in this country", asked again, no number, the goodbye, 5 s, our
 * hang-up, nothing stored; (3) confirms it and hangs up in the 5 s after "we have your number":
 * the request stays stored and pending. The test hangs the caller's phone up at moments it sees
 * in AMI's AGIExecStart events. Its own server port and agents' queue (it-callback-ends, nobody
 * logs in), the offer after 10 s instead of the shipped 60 s.
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CallbackCaptureEndsIT}.
 */
class CallbackCaptureEndsIT extends LabCalls {

    private static final int PORT = 4653;
    private static final String QUEUE = "it-callback-ends";
    private static final Duration INTO_THE_PAUSE = Duration.ofMillis(2500);
    private static CallbackStore store;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        store = TestStores.sqlite();
        hotline = KeyTimes.offeringEarly("CallbackCaptureEndsIT", QUEUE, PORT, new StoreCallbackBook(store));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    @Test
    void aCallerWhoHangsUpWhileTheirNumberIsReadBackEndsTheCallThereAndNothingIsStored() {
        String number = "5550711";
        String robot = lab.call("robot-caller-keys", "s", "anonymous", keys(new KeyTimes("en", number, 0.6), true));

        AgiExecEvent readBack = command(robot, "SAY DIGITS \"" + number + "\"", Duration.ofSeconds(90));
        Lab.pause(800); // a digit or two into it
        lab.hangUp(readBack.getChannel().replace(";1", ";2"));
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

        assertThat(end.getOutcome()).isEqualTo("caller-hung-up:say-digits");
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "callback-offer", "callback-enter-number", "callback-you-entered",
                "say-digits");
        assertThat(journal.lastStep()).isEqualTo("say-digits");
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(number))
                .as("nothing stored for a number never confirmed").isEmpty();
    }

    @Test
    void aCallerWhoTypesANumberAbroadHearsWeCanOnlyCallBackNumbersHereThenTheGoodbyeFiveSecondsAndNothingIsStored() {
        String number = "00442071234567"; // 00 is not in allowed-prefixes
        String robot = lab.call("robot-caller-keys", "s", "anonymous", keys(new KeyTimes("en", number, 0.6), false));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(150));

        assertThat(end.getOutcome()).isEqualTo("callback-refused:number-not-allowed");
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "callback-offer", "callback-enter-number",
                "callback-number-not-allowed", "callback-enter-number", "callback-no-number", "pause", "hangup");
        assertThat(Lab.steps(journal.text())).as("a number abroad is never read back")
                .doesNotContain("callback-you-entered", "say-digits");
        var at = HeardPrompts.by(robot).assertInOrder("en", "callback-enter-number", "callback-number-not-allowed",
                "callback-enter-number", "callback-no-number");
        Duration pause = Recording.hangUpAfter(robot, "en", at.get(3), "callback-no-number");
        System.out.printf("number abroad: %d ms from the end of the goodbye to our hang-up%n", pause.toMillis());
        assertThat(pause).as("5 s after the goodbye, then the hang-up")
                .isBetween(Duration.ofMillis(4600), Duration.ofMillis(5800));
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(number)).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpInTheFiveSecondsAfterWeHaveYourNumberKeepsTheirCallbackStoredAndPending() {
        String number = "5550733";
        String robot = lab.call("robot-caller-keys", "s", "anonymous", keys(new KeyTimes("en", number, 0.6), true));

        AgiExecEvent name = command(robot, "RECORD FILE \"hotline-recordings/", Duration.ofSeconds(120));
        String channel = name.getChannel();
        awaitEndOf(name, Duration.ofSeconds(15));
        // the promise plays once RECORD FILE has returned: hang up INTO_THE_PAUSE after its end
        Lab.pause(Duration.ofMillis(300).plus(length("callback-confirmed-2h")).plus(INTO_THE_PAUSE).toMillis());
        lab.hangUp(channel.replace(";1", ";2"));
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

        assertThat(end.getOutcome()).isEqualTo("caller-hung-up:pause");
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "callback-confirm", "callback-record-name", "callback-confirmed-2h",
                "pause");
        assertThat(journal.lastStep()).as("the pause is the call's last step: no hangup of ours").isEqualTo("pause");
        var at = HeardPrompts.by(robot).assertInOrder("en", "callback-confirm", "callback-confirmed-2h");
        Duration hungUpInto = Recording.hangUpAfter(robot, "en", at.get(1), "callback-confirmed-2h");
        System.out.printf("after \"we have your number\": the caller hung up %d ms into the pause, the server "
                + "ended the call %d ms into it%n", hungUpInto.toMillis(), journal.endedAfter("pause").toMillis());
        assertThat(hungUpInto).isBetween(Duration.ofMillis(1000), Duration.ofMillis(4500));
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(number))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).as("stored before the promise was said, kept").isEqualTo(CallbackState.PENDING);
                    assertThat(r.queue()).isEqualTo(CallbackQueue.of(QUEUE));
                });
    }

    /** The first AGIExecStart of a command beginning with {@code prefix} on {@code robot}'s call (never another test's). */
    private AgiExecEvent command(String robot, String prefix, Duration within) {
        String channel = lab.channelOf(robot, Duration.ofSeconds(10));
        return lab.await(AgiExecStartEvent.class, e -> channel.equals(e.getChannel()) && e.getCommand() != null
                        && e.getCommand().startsWith(prefix), within, "the server sending " + prefix + " to " + channel);
    }

    /** Waits for the AGIExecEnd of the command {@code started} began. */
    private void awaitEndOf(AgiExecEvent started, Duration within) {
        lab.await(AgiExecEndEvent.class,
                e -> started.getCommandId().equals(e.getCommandId()) && started.getChannel().equals(e.getChannel()),
                within, "the end of " + started.getCommand());
    }

    /** [robot-caller-keys]: the offer's 1, the number and #, then (when {@code confirms}) the 1 that confirms it. */
    private static Map<String, String> keys(KeyTimes times, boolean confirms) {
        String keys = confirms ? times.keys() : "1" + "W".repeat(times.beforeTyping()) + times.number() + "#";
        System.out.println("CallbackCaptureEndsIT " + times + (confirms ? "" : ", not confirming: " + keys));
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_AFTER", times.afterWords());
        vars.put("ROBOT_KEYS", keys);
        if (!confirms) vars.put("ROBOT_THEN", "quiet"); // silent after its keys, until we hang up
        return vars;
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("en", prompt));
    }
}
