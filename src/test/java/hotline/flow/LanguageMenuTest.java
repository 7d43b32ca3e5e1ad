package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Languages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped config: five languages; the greeting, then the short options line; the whole menu
 * on 0; the dialect ladder on 9, the complaint on 8.
 */
class LanguageMenuTest {

    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK);

    @Test
    void theGreetingIsFollowedByTheShortOptionsLineNotTheWholeMenu() {
        var caller = ScriptedCaller.silent();

        flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).startsWith("answer", "language en", "play greeting", "play more-options",
                "listen 5s");
        assertThat(caller.transcript).noneMatch(l -> l.contains("language-option") || l.contains("dialect-option")
                || l.contains("complaint-option"));
    }

    @Test
    void pressingTheMenuKeyPlaysEachLanguageOptionInItsOwnLanguageThenTheDialectAndComplaintOptions() {
        var caller = ScriptedCaller.silent().pressesAt("play more-options", '0');

        flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).startsWith("answer", "language en", "play greeting", "play more-options",
                "play en/language-option", "play es/language-option", "play zh/language-option",
                "play ko/language-option", "play yue/language-option", "play dialect-option", "play complaint-option",
                "listen 5s");
    }

    @Test
    void theMenuKeyWorksDuringTheGreetingToo() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '0');

        flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).startsWith("answer", "language en", "play greeting",
                "play en/language-option", "play es/language-option", "play zh/language-option",
                "play ko/language-option", "play yue/language-option", "play dialect-option", "play complaint-option",
                "listen 5s");
        assertThat(caller.transcript).doesNotContain("play more-options");
    }

    @Test
    void aLanguageKeyPressedInTheWholeMenuSwitchesTheLanguageAndGreetsAgainInIt() {
        var caller = ScriptedCaller.silent().pressesAt("play more-options", '0')
                .pressesAt("play es/language-option", '2').speaksAfter(0);

        Outcome outcome = flow.run(caller, new CallFacts("8005550100", "5550100"));

        assertThat(caller.transcript).containsSubsequence("play greeting", "play more-options",
                "play en/language-option", "play es/language-option", "language es", "play greeting", "listen 5s",
                "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(caller.transcript).doesNotContain("play zh/language-option", "play dialect-option");
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @ParameterizedTest
    @CsvSource({"8005550100,en", "8005550101,es", "8005550102,zh", "8005550103,ko", "8005550104,yue", "999,en"})
    void theDialledNumberChoosesTheLanguageTheCallerHearsFirst(String dialled, String language) {
        var caller = ScriptedCaller.silent();

        flow.run(caller, new CallFacts(dialled, "5550100"));

        assertThat(caller.transcript.get(1)).isEqualTo("language " + language);
    }

    @ParameterizedTest
    @CsvSource({"1,en", "2,es", "3,zh", "4,ko", "5,yue"})
    void aKeyPressedDuringTheGreetingSwitchesTheLanguageAndGreetsAgainInIt(char key, String language) {
        var caller = new ScriptedCaller().pressesAt("play greeting", key).speaksAfter(0);

        Outcome outcome = flow.run(caller, new CallFacts("8005550100", "5550100"));

        assertThat(caller.transcript).containsSubsequence("play greeting", "language " + language, "play greeting",
                "listen 5s", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aKeyPressedDuringALaterOptionStopsTheMenuThere() {
        var caller = ScriptedCaller.silent().pressesAt("play more-options", '0').pressesAt("play ko/language-option", '4');

        flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).containsSubsequence("play ko/language-option", "language ko", "play greeting")
                .doesNotContain("play yue/language-option", "play dialect-option", "play complaint-option");
    }

    @Test
    void withNoMenuKeyTheWholeMenuFollowsTheGreetingAsBefore() {
        var shipped = config.languages();
        var noMenuKey = new Languages(shipped.offered(), shipped.fallback(), shipped.byNumber(), shipped.menu(),
                shipped.optionPrompt(), shipped.dialectKey(), shipped.dialectPrompt(), "", shipped.optionsPrompt());
        var caller = ScriptedCaller.silent();

        new InboundFlow(config.inbound(), noMenuKey, new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK).run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).startsWith("answer", "language en", "play greeting",
                "play en/language-option", "play es/language-option", "play zh/language-option",
                "play ko/language-option", "play yue/language-option", "play dialect-option", "play complaint-option",
                "listen 5s");
        assertThat(caller.transcript).doesNotContain("play more-options");
    }

    @Test
    void theDialectLadderAsksTwiceThenHandsOverToAColleagueWhoUnderstandsTheDialect() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '9').withMembersLoggedIn(1);

        Outcome outcome = flow.run(caller, new CallFacts("8005550102", "5550100"));

        assertThat(caller.transcript).containsSubsequence("play greeting",
                "play speak-standard", "play yes-no", "wait-for-key 5s",
                "play find-standard-speaker", "play yes-no", "wait-for-key 5s",
                "members dialect-zh", "play dialect-transfer", "queue dialect-zh 5m");
        assertThat(outcome.code()).isEqualTo("queued:dialect-zh");
    }

    @Test
    void withNobodyForTheDialectTheCallerHearsAPoliteGoodbyeAndAPauseNeverADirectHangup() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '9');

        Outcome outcome = flow.run(caller, new CallFacts("8005550102", "5550100"));

        assertThat(caller.transcript).endsWith("members dialect-zh", "play dialect-unavailable-goodbye",
                "pause 5s", "hangup");
        assertThat(outcome.code()).isEqualTo("dialect-unavailable:zh");
    }

    @Test
    void aCallerWhoCanSpeakTheStandardLanguageStaysInItAndGoesToTheAgents() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '9').pressesAt("wait-for-key", '1');

        Outcome outcome = flow.run(caller, new CallFacts("8005550102", "5550100"));

        assertThat(caller.transcript).endsWith("play yes-no", "wait-for-key 5s", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(caller.transcript.stream().filter(l -> l.startsWith("language"))).containsExactly("language zh");
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aCallerWhoFindsSomeoneAtTheSecondStepGoesToTheAgents() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '9')
                .pressesAt("wait-for-key", '2').pressesAt("wait-for-key", '1');

        Outcome outcome = flow.run(caller, new CallFacts("8005550102", "5550100"));

        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aHangupDuringTheLadderIsBlamedOnItsStep() {
        var caller = ScriptedCaller.silent().pressesAt("play greeting", '9').hangsUpAt("play find-standard-speaker");

        assertThatThrownBy(() -> flow.run(caller, new CallFacts("s", "5550100"))).isInstanceOf(CallerHungUp.class);
        assertThat(caller.transcript.getLast()).isEqualTo("play find-standard-speaker");
    }
}
