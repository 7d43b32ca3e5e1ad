package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.HotlineConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** call-scripts.md §3 with the defaults: a quiet (hands-free) line and a noisy line. */
class PoorLineTest {

    private static final Heard QUIET = new Heard.Quiet(Duration.ofSeconds(5));
    private static final Heard NOISY = new Heard.Noisy(Duration.ofSeconds(5));
    private final HotlineConfig config = HotlineConfig.defaults();
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK);
    private final CallFacts facts = new CallFacts("s", "5550100");

    @Test
    void aQuietCallerIsAskedToPickUpTheHandsetThenToSpeakLouderThenToCallAgainWithAPauseBeforeTheHangup() {
        var caller = new ScriptedCaller().hears(QUIET, QUIET, QUIET);

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).containsSubsequence("play greeting", "listen 5s",
                "play too-quiet-handset (barge-in)", "listen 5s", "play speak-louder (barge-in)", "listen 5s",
                "play too-quiet-goodbye", "pause 5s", "hangup");
        assertThat(outcome.code()).isEqualTo("quiet-line-goodbye");
    }

    @Test
    void aQuietCallerWhoPicksUpTheHandsetIsPutThrough() {
        var caller = new ScriptedCaller().hears(QUIET).speaksAfter(0);

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).containsSubsequence("play too-quiet-handset (barge-in)", "listen 5s", "play connecting");
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aNoisyLineIsAskedToRepeatOnceThenToCallFromAnotherPhoneWithAPauseBeforeTheHangup() {
        var caller = new ScriptedCaller().hears(NOISY, NOISY);

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).endsWith("listen 5s", "play noisy-repeat (barge-in)", "listen 5s",
                "play noisy-goodbye", "pause 5s", "hangup");
        assertThat(outcome.code()).isEqualTo("noisy-line-goodbye");
    }

    @Test
    void eachKindOfPoorLineKeepsItsOwnCountOfReprompts() {
        var caller = new ScriptedCaller().hears(NOISY, QUIET, NOISY);

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).containsSubsequence("play noisy-repeat (barge-in)", "play too-quiet-handset (barge-in)",
                "play noisy-goodbye");
        assertThat(outcome.code()).isEqualTo("noisy-line-goodbye");
    }

    @Test
    void aSilentLineStillGetsTheSilentLineScriptNotAPoorLineOne() {
        var caller = ScriptedCaller.silent();

        assertThat(flow.run(caller, facts).code()).isEqualTo("silent-line-goodbye");
        assertThat(caller.transcript).noneMatch(l -> l.contains("too-quiet") || l.contains("noisy"));
    }
}
