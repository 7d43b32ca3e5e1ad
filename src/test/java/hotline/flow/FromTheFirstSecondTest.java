package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped config: the caller is heard from the first second. A voice over the greeting or
 * the options line is put through at once; every key works in the listening windows too.
 */
class FromTheFirstSecondTest {

    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK);
    private final CallFacts facts = new CallFacts("8005550100", "5550100");

    @Test
    void aCallerWhoSpeaksOverTheGreetingIsPutThroughWithoutTheOptionsLine() {
        var caller = ScriptedCaller.silent().speaksDuring("play greeting");

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).containsExactly("answer", "language en", "play greeting",
                "heard voice over greeting", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aCallerWhoSpeaksOverTheOptionsLineIsPutThroughWithoutAWindow() {
        var caller = ScriptedCaller.silent().speaksDuring("play more-options");

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).containsExactly("answer", "language en", "play greeting", "play more-options",
                "heard voice over more-options", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void theComplaintKeyPressedDuringTheFirstWindowStartsTheEscalation() {
        var caller = ScriptedCaller.silent().pressesAt("listen", '8');

        flow.run(caller, facts);

        assertThat(caller.transcript).containsSubsequence("play greeting", "play more-options", "listen 5s",
                "play complaint-escalating", "record complaint-record-statement", "members teamlead");
        assertThat(caller.transcript).doesNotContain("play cant-hear-you (barge-in)", "play no-sound-goodbye",
                "queue hotline 30s");
    }

    @Test
    void aLanguageKeyPressedDuringTheFirstWindowSwitchesTheLanguageAndGreetsAgainInIt() {
        var caller = ScriptedCaller.silent().pressesAt("listen", '4').speaksAfter(0);

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).containsExactly("answer", "language en", "play greeting", "play more-options",
                "listen 5s", "language ko", "play greeting", "listen 5s", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(caller.language()).isEqualTo("ko");
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void theMenuKeyPressedDuringTheFirstWindowPlaysTheWholeMenu() {
        var caller = ScriptedCaller.silent().pressesAt("listen", '0');

        flow.run(caller, facts);

        assertThat(caller.transcript).containsSubsequence("play more-options", "listen 5s",
                "play en/language-option", "play es/language-option", "play zh/language-option",
                "play ko/language-option", "play yue/language-option", "play dialect-option", "play complaint-option",
                "listen 5s", "play cant-hear-you (barge-in)");
    }

    @Test
    void theDialectKeyPressedDuringTheOptionsLineStartsTheDialectLadder() {
        var caller = ScriptedCaller.silent().pressesAt("play more-options", '9');

        flow.run(caller, facts);

        assertThat(caller.transcript).containsSubsequence("play greeting", "play more-options", "play speak-standard",
                "play yes-no");
        assertThat(caller.transcript).doesNotContain("listen 5s");
    }

    @Test
    void aKeyThatIsNoOptionDuringAWindowIsIgnored() {
        var caller = ScriptedCaller.silent().pressesAt("listen", '7');

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).endsWith("listen 5s", "play cant-hear-you (barge-in)", "listen 5s",
                "play no-sound-goodbye", "pause 5s", "hangup");
        assertThat(outcome.code()).isEqualTo("silent-line-goodbye");
    }
}
