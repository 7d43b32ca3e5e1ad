package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 11: each agent key's script as the caller hears it (docs/agent-keys.md). */
class AgentKeysTest {

    private static final Script SHIPPED = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    private static final CallFacts FACTS = new CallFacts("s", "5550100");

    private final BookedCallbacks book = new BookedCallbacks();

    private Outcome press(String script, ScriptedCaller caller) {
        return new AgentKeyFlow(script, SHIPPED, book, caller.clock()).run(caller, FACTS);
    }

    private static ScriptedCaller inKorean() {
        return new ScriptedCaller().withNote("KEY_LANGUAGE", "ko").withNote("KEY_AGENT", "PJSIP/agent-7-0001");
    }

    @Test
    void repeatAsksTheCallerToRepeatInTheirLanguageThenTheyAreBackWithTheAgent() {
        var caller = inKorean();
        assertThat(press("repeat", caller)).isEqualTo(new Outcome.AgentScript("repeat", "back"));
        assertThat(caller.transcript).containsExactly("answer", "language ko", "play repeat-please");
        assertThat(caller.notes).containsEntry("AGENT_KEY", "repeat *1 press 1").containsEntry("AGENT_REPEAT_COUNT", "1");
    }

    @Test
    void aLanguageTheHotlineDoesNotOfferIsIgnored() {
        var caller = new ScriptedCaller().withNote("KEY_LANGUAGE", "xx");
        press("repeat", caller);
        assertThat(caller.transcript).containsExactly("answer", "play repeat-please");
    }

    @Test
    void noisyOnceAsksToSayItAgainAndPressedAgainSaysGoodbyeWaitsFiveSecondsAndHangsUp() {
        var first = inKorean();
        assertThat(press("noisy", first)).isEqualTo(new Outcome.AgentScript("noisy", "back"));
        assertThat(first.transcript).endsWith("play noisy-repeat");

        var second = inKorean().withNote("AGENT_NOISY_COUNT", "1");
        assertThat(press("noisy", second)).isEqualTo(new Outcome.AgentScript("noisy", "hangup"));
        assertThat(second.transcript).endsWith("play noisy-goodbye", "pause 5s", "hangup");
        assertThat(second.notes).containsEntry("AGENT_ENDED", "noisy:hangup");
    }

    @Test
    void quietWalksTheInboundQuietLadderHandsetLouderThenGoodbye() {
        assertThat(press("quiet", inKorean()).code()).isEqualTo("agent:quiet-back");
        var second = inKorean().withNote("AGENT_QUIET_COUNT", "1");
        press("quiet", second);
        assertThat(second.transcript).endsWith("play speak-louder");
        var third = inKorean().withNote("AGENT_QUIET_COUNT", "2");
        assertThat(press("quiet", third).code()).isEqualTo("agent:quiet-hangup");
        assertThat(third.transcript).endsWith("play too-quiet-goodbye", "pause 5s", "hangup");
    }

    @Test
    void louderRaisesTheVolumeTowardsTheCallerThenAsksWhetherTheyHearClearlyNow() {
        var caller = inKorean();
        press("louder", caller);
        assertThat(caller.transcript).endsWith("louder 2", "play can-you-hear-me-now");
        var again = inKorean().withNote("AGENT_LOUDER_COUNT", "5");
        press("louder", again);
        assertThat(again.transcript).contains("louder 4");
    }

    @Test
    void slowlyPrivacyAndInvitationSayTheirSentenceAndGoBack() {
        for (var pair : new String[][] {{"slowly", "speak-slowly"}, {"privacy", "privacy"},
                {"invitation", "invitation-decline"}}) {
            var caller = inKorean();
            assertThat(press(pair[0], caller).code()).isEqualTo("agent:" + pair[0] + "-back");
            assertThat(caller.transcript).endsWith("play " + pair[1]);
        }
    }

    @Test
    void abusiveFirstWarnsThenAgainReportsToTheTeamLeadSaysTheLastSentenceWaitsAndHangsUp() {
        var first = inKorean();
        assertThat(press("abusive", first).code()).isEqualTo("agent:abusive-back");
        assertThat(first.transcript).endsWith("play civil-language");

        var second = inKorean().withNote("AGENT_ABUSIVE_COUNT", "1");
        assertThat(press("abusive", second).code()).isEqualTo("agent:abusive-hangup");
        assertThat(second.transcript).endsWith(
                "alert HotlineAbusiveCaller {Agent=PJSIP/agent-7-0001, Caller=5550100, Language=ko}",
                "play abusive-last-words", "pause 5s", "hangup");
    }

    @Test
    void outOfScopeAndWrongNumberEndPolitelyWithThePause() {
        var scope = inKorean();
        assertThat(press("out-of-scope", scope).code()).isEqualTo("agent:out-of-scope-hangup");
        assertThat(scope.transcript).endsWith("play outside-scope", "pause 5s", "hangup");
        var wrong = inKorean();
        assertThat(press("wrong-number", wrong).code()).isEqualTo("agent:wrong-number-hangup");
        assertThat(wrong.transcript).endsWith("play wrong-number", "play thank-you-goodbye", "pause 5s", "hangup");
    }

    @Test
    void holdPlaysMusicUntilTheAgentIsBackThenThanksTheCallerForWaiting() {
        var caller = inKorean().holdsEnd(true);
        assertThat(press("hold", caller).code()).isEqualTo("agent:hold-back");
        assertThat(caller.transcript).endsWith("play hold-check", "hold 1m taken back", "play thank-you-for-waiting");
    }

    @Test
    void holdAfterSixtySecondsRemindsTheAgentAndOffersTheCallerAComplexCallbackWithin24Hours() {
        var caller = inKorean().holdsEnd(false).pressesAt("play hold-reminder", '1').pressesAt("play callback-confirm-caller-id", '1');
        Outcome outcome = press("hold", caller);
        assertThat(outcome).isInstanceOf(Outcome.CallbackBooked.class);
        assertThat(outcome.code()).isEqualTo("callback-booked:complex");
        assertThat(caller.transcript).containsSubsequence("play hold-check", "hold 1m",
                "alert HotlineHoldReminder {Agent=PJSIP/agent-7-0001, Held=60}", "play hold-reminder",
                "play callback-confirmed-24h", "pause 5s", "hangup");
        assertThat(book.booked.getFirst().reason()).isEqualTo("complex");
        assertThat(book.booked.getFirst().waited()).isEqualTo(Duration.ofSeconds(60));
        assertThat(caller.notes).containsEntry("AGENT_ENDED", "hold:hangup");
    }

    @Test
    void escalateAndDialectAreHandedToTheCallsOwnSessionAndTheAgentsLegIsReleased() {
        for (String script : new String[] {"escalate", "dialect"}) {
            var caller = inKorean();
            assertThat(press(script, caller).code()).isEqualTo("agent:" + script + "-handed-over");
            assertThat(caller.transcript).endsWith("release-agent PJSIP/agent-7-0001");
            assertThat(caller.notes).containsEntry("AGENT_NEXT", script);
        }
    }

    @Test
    void closingWithAVoiceTakesTheCallerBackToTheAgent() {
        var caller = inKorean().speaksAfter(0);
        assertThat(press("closing", caller).code()).isEqualTo("agent:closing-back");
        assertThat(caller.transcript).endsWith("play anything-else (barge-in)", "listen 5s");
    }

    @Test
    void closingWithASilentCallerThanksWaitsSaysItMustHangUpWaitsFiveSecondsAndHangsUp() {
        var caller = inKorean();
        assertThat(press("closing", caller).code()).isEqualTo("agent:closing-hangup");
        assertThat(caller.transcript).endsWith("play anything-else (barge-in)", "listen 5s", "play closing", "pause 5s",
                "play must-hang-up", "pause 5s", "hangup");
    }

    @Test
    void aCallerWhoHangsUpDuringTheClosingEndsItThere() {
        var caller = inKorean().hangsUpAt("pause 5s");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> press("closing", caller))
                .isInstanceOf(CallerHungUp.class);
        assertThat(caller.transcript).doesNotContain("play must-hang-up");
    }
}
