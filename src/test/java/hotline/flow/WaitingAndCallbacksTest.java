package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** call-scripts.md §5-§6 with the shipped config: waiting, callbacks, complaints. */
class WaitingAndCallbacksTest {

    private static final QueueEnd TIMEOUT = new QueueEnd.NotAnswered("TIMEOUT");
    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));
    private final BookedCallbacks book = new BookedCallbacks();
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), book, ScriptedCaller.STOPPED_CLOCK);
    private final CallFacts fromMobile = new CallFacts("8005550100", "13800138000");

    @Test
    void aWaitingCallerIsThankedForTheirPatienceEveryThirtySecondsAndOfferedACallbackAtSixty() {
        var caller = new ScriptedCaller().speaksAfter(0)
                .queueStaysEnd(TIMEOUT, TIMEOUT, TIMEOUT).queueEnds(new QueueEnd.Answered("PJSIP/agent-7"));

        Outcome outcome = flow.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence("play connecting",
                "queue hotline 30s", "play thank-you-patience",
                "queue hotline 30s", "play callback-offer", "wait-for-key 3s",
                "queue hotline 30s", "play thank-you-patience", "queue hotline 30s");
        assertThat(outcome).isEqualTo(new Outcome.Queued("hotline", new QueueEnd.Answered("PJSIP/agent-7")));
        assertThat(book.booked).isEmpty();
    }

    @Test
    void aCallerWhoTakesTheCallbackOfferOnTheirOwnNumberIsBookedBeforeHearingWhenWeWillCall() {
        var caller = new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1').pressesAt("play callback-confirm-caller-id", '1');

        Outcome outcome = flow.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence("play callback-offer", "play callback-use-caller-id",
                "say-digits 13800138000", "play callback-confirm-caller-id", "record callback-record-name",
                "play callback-confirmed-2h", "pause 5s", "hangup");
        assertThat(book.booked).singleElement().satisfies(b -> {
            assertThat(b.number()).isEqualTo("13800138000");
            assertThat(b.reason()).isEqualTo("simple");
            assertThat(b.queue()).isEqualTo("hotline");
            assertThat(b.waited()).isEqualTo(Duration.ofSeconds(60));
            assertThat(b.recording()).contains("rec/name");
        });
        assertThat(outcome).isEqualTo(new Outcome.CallbackBooked("1", "simple"));
    }

    @Test
    void aNumberKeyedInIsReadBackDigitByDigitAndMustBeConfirmed() {
        var caller = new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1').pressesAt("play callback-confirm-caller-id", '2')
                .types("0201234567").pressesAt("play callback-confirm", '2')
                .types("0207654321").pressesAt("play callback-confirm", '1');

        flow.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence(
                "say-digits 13800138000", "play callback-confirm-caller-id",
                "ask-digits callback-enter-number", "play callback-you-entered", "say-digits 0201234567",
                "play callback-confirm",
                "ask-digits callback-enter-number", "play callback-you-entered", "say-digits 0207654321",
                "play callback-confirm", "play callback-confirmed-2h");
        assertThat(book.booked).singleElement().satisfies(b -> assertThat(b.number()).isEqualTo("0207654321"));
    }

    @Test
    void withoutAConfirmedNumberNothingIsBookedAndTheCallerHearsAPoliteGoodbye() {
        var caller = new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1');

        Outcome outcome = flow.run(caller, new CallFacts("s", ""));

        assertThat(book.booked).isEmpty();
        assertThat(caller.transcript).endsWith("play callback-no-number", "pause 5s", "hangup");
        assertThat(caller.transcript).doesNotContain("play line-adjusting");
        assertThat(outcome.code()).isEqualTo("callback-not-taken:simple");
    }

    @Test
    void aComplaintGoesToTheTeamLeadWithTheCallersDetailsAndAWhisper() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '8').withMembersLoggedIn(1)
                .queueEnds(new QueueEnd.Answered("PJSIP/lead-1"));

        Outcome outcome = flow.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence("play complaint-escalating",
                "record complaint-record-statement",
                "tell-agents {CALLER=13800138000, LANGUAGE=en, REASON=complaint, WAITED=0, STATEMENT=rec/statement}",
                "members teamlead", "queue teamlead 30s");
        assertThat(outcome.code()).isEqualTo("queued:teamlead");
    }

    @Test
    void aComplaintWithNoTeamLeadBecomesATeamLeadCallbackWithTheStatement() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '8')
                .pressesAt("play callback-confirm-caller-id", '1');

        Outcome outcome = flow.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence("members teamlead", "play complaint-callback-instead",
                "play callback-use-caller-id");
        assertThat(caller.transcript).endsWith("play teamlead-unavailable", "pause 5s", "hangup");
        assertThat(book.booked).singleElement().satisfies(b -> {
            assertThat(b.queue()).isEqualTo("teamlead");
            assertThat(b.reason()).isEqualTo("complaint");
            assertThat(b.recording()).contains("rec/statement");
        });
        assertThat(outcome.code()).isEqualTo("callback-booked:complaint");
    }

    @Test
    void aComplaintTheTeamLeadDoesNotAnswerInTimeAlsoBecomesACallback() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '8').withMembersLoggedIn(2)
                .queueEnds(TIMEOUT).pressesAt("play callback-confirm-caller-id", '1');

        assertThat(flow.run(caller, fromMobile).code()).isEqualTo("callback-booked:complaint");
    }

    @Test
    void theCallerIdIsConfirmedWithItsOwnPromptThatOffersAnotherNumberNotEnteringItAgain() {
        var caller = new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1').pressesAt("play callback-confirm-caller-id", '1');

        flow.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence("play callback-use-caller-id", "say-digits 13800138000",
                "play callback-confirm-caller-id", "record callback-record-name");
        assertThat(caller.transcript).doesNotContain("play callback-confirm"); // "to enter it again": nothing was entered
    }

    @Test
    void aCallerTheQueueNeverReachesInThirtyMinutesHearsWeCouldNotConnectThemInTimeNotThatTheLineIsAdjusted() {
        var caller = new ScriptedCaller().speaksAfter(0).queueEnds(TIMEOUT);

        Outcome outcome = flow.run(caller, fromMobile);

        assertThat(caller.transcript).endsWith("queue hotline 30s", "play could-not-connect", "pause 5s", "hangup");
        assertThat(caller.transcript).doesNotContain("play line-adjusting");
        assertThat(caller.clock().instant()).isEqualTo(ScriptedCaller.STOPPED_CLOCK.instant()
                .plus(Duration.ofMinutes(30)).plusSeconds(3 + 5).plusMillis(800)); // 0.8 s to speak, 30 min in the
                                                                                    // queue, the offer's 3 s, the pause
        assertThat(outcome.code()).isEqualTo("queue-gave-up:hotline");
    }

    @Test
    void theTeamLeadHearsHowLongTheCallerHasBeenOnTheLineForAComplaintChosenFromTheMenu() {
        var caller = ScriptedCaller.silent().hears(new Heard.Silence(Duration.ofSeconds(5)),
                        new Heard.Pressed('8', Duration.ofSeconds(3)))
                .withMembersLoggedIn(1).queueEnds(new QueueEnd.Answered("PJSIP/lead-1"));
        var timed = new InboundFlow(config.inbound(), config.languages(), book, caller.clock());

        timed.run(caller, fromMobile);

        // 5 s of silence, the key 3 s into the second window, then the statement (at most 60 s)
        assertThat(caller.transcript).containsSubsequence("play cant-hear-you (barge-in)", "play complaint-escalating",
                "record complaint-record-statement",
                "tell-agents {CALLER=13800138000, LANGUAGE=en, REASON=complaint, WAITED=68, STATEMENT=rec/statement}");
    }

    @Test
    void aComplaintCallbackKeepsTheRealTimeWaitedAndTellsTheCallerTheTeamLeadIsNotAvailableFirst() {
        var caller = ScriptedCaller.silent().hears(new Heard.Pressed('8', Duration.ofSeconds(4)))
                .pressesAt("play callback-confirm-caller-id", '1');
        var timed = new InboundFlow(config.inbound(), config.languages(), book, caller.clock());

        timed.run(caller, fromMobile);

        assertThat(caller.transcript).containsSubsequence(
                "tell-agents {CALLER=13800138000, LANGUAGE=en, REASON=complaint, WAITED=64, STATEMENT=rec/statement}",
                "members teamlead",
                "play complaint-callback-instead", "play callback-use-caller-id", "say-digits 13800138000",
                "play callback-confirm-caller-id", "play teamlead-unavailable", "pause 5s", "hangup");
        assertThat(book.booked).singleElement().satisfies(b -> assertThat(b.waited()).isEqualTo(Duration.ofSeconds(64)));
    }
}
