package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.HotlineConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A caller who speaks over a re-prompt is heard at once (docs/line-quality.md, barge-in). */
class BargeInFlowTest {

    private final HotlineConfig config = HotlineConfig.defaults();
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK);
    private final CallFacts facts = new CallFacts("s", "5550100");

    @Test
    void aCallerWhoSpeaksOverCantHearYouIsPutThroughWithoutAnotherWindow() {
        var caller = new ScriptedCaller().speaksOverRepromptAfter(1);

        Outcome outcome = flow.run(caller, facts);

        assertThat(caller.transcript).endsWith("listen 5s", "play cant-hear-you (barge-in)",
                "heard voice over cant-hear-you", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aQuietCallerWhoSpeaksUpOverSpeakLouderIsPutThrough() {
        var quiet = new Heard.Quiet(Duration.ofSeconds(5));
        var caller = new ScriptedCaller().hears(quiet, quiet).speaksOverRepromptAfter(0);

        assertThat(flow.run(caller, facts).code()).isEqualTo("queued:hotline");
        assertThat(caller.transcript).containsSubsequence("play too-quiet-handset (barge-in)",
                "play speak-louder (barge-in)", "heard voice over speak-louder", "play connecting");
    }

    @Test
    void everyRepromptOfTheLadderCanBeSpokenOverButTheGreetingAndTheGoodbyesCannot() {
        var noisy = new Heard.Noisy(Duration.ofSeconds(5));
        var caller = new ScriptedCaller().hears(noisy, noisy);

        flow.run(caller, facts);

        assertThat(caller.transcript).contains("play greeting", "play noisy-repeat (barge-in)", "play noisy-goodbye");
    }
}
