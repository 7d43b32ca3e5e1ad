package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.HotlineConfig;
import hotline.config.InboundScript;
import hotline.config.Listening;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inbound script with the defaults: one language, no language menu, the short options line
 * (more-options) after the greeting (see LanguageMenuTest).
 */
class InboundFlowTest {

    private final HotlineConfig config = HotlineConfig.defaults();
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK);

    @Test
    void aSilentLineHearsTheGreetingASecondPromptAGoodbyeAndAPauseBeforeTheHangup() {
        var caller = ScriptedCaller.silent();

        Outcome outcome = flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).containsExactly(
                "answer", "language en", "play greeting", "play more-options", "listen 5s",
                "play cant-hear-you (barge-in)", "listen 5s", "play no-sound-goodbye", "pause 5s", "hangup");
        assertThat(outcome.code()).isEqualTo("silent-line-goodbye");
    }

    @Test
    void aCallerWhoSpeaksAfterTheGreetingIsPutThroughToTheAgentsQueue() {
        var caller = new ScriptedCaller().speaksAfter(0);

        Outcome outcome = flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).containsExactly(
                "answer", "language en", "play greeting", "play more-options", "listen 5s", "play connecting",
                "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(outcome.code()).isEqualTo("queued:hotline");
    }

    @Test
    void aCallerWhoOnlySpeaksAfterTheSecondPromptIsStillPutThrough() {
        var caller = new ScriptedCaller().speaksAfter(1);

        Outcome outcome = flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).endsWith("play cant-hear-you (barge-in)", "listen 5s", "play connecting", "queue hotline 30s",
                "play closing", "pause 5s", "hangup"); // the agent hung up: the §9 close (issue 11)
        assertThat(outcome).isInstanceOf(Outcome.Queued.class);
    }

    @Test
    void whenTheQueueGivesUpTheCallerHearsAPoliteCloseAndAPauseBeforeTheHangup() {
        var caller = new ScriptedCaller().speaksAfter(0).queueEnds(new QueueEnd.NotAnswered("LEAVEEMPTY"));

        Outcome outcome = flow.run(caller, new CallFacts("s", "5550100"));

        assertThat(caller.transcript).endsWith("queue hotline 30s", "play could-not-connect", "pause 5s", "hangup");
        assertThat(outcome.code()).isEqualTo("queue-gave-up:hotline");
    }

    @Test
    void aCallerWhoAbandonsTheQueueStillCountsAsQueued() {
        var caller = new ScriptedCaller().speaksAfter(0).queueEnds(new QueueEnd.Abandoned());

        assertThat(flow.run(caller, new CallFacts("s", "5550100"))).isEqualTo(new Outcome.Queued("hotline", new QueueEnd.Abandoned()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"answer", "language", "play greeting", "play more-options", "listen", "play cant-hear-you (barge-in)",
            "play no-sound-goodbye", "pause", "hangup"})
    void aHangupAtAnyStepOfTheSilentLineStopsTheFlowThere(String step) {
        var caller = ScriptedCaller.silent().hangsUpAt(step);

        assertThatThrownBy(() -> flow.run(caller, new CallFacts("s", "5550100"))).isInstanceOf(CallerHungUp.class);
        assertThat(caller.transcript.getLast()).startsWith(step);
    }

    @ParameterizedTest
    @ValueSource(strings = {"play connecting", "queue hotline 30s"})
    void aHangupOnTheWayToTheAgentsStopsTheFlowThere(String step) {
        var caller = new ScriptedCaller().speaksAfter(0).hangsUpAt(step);

        assertThatThrownBy(() -> flow.run(caller, new CallFacts("s", "5550100"))).isInstanceOf(CallerHungUp.class);
        assertThat(caller.transcript.getLast()).isEqualTo(step);
    }

    @Test
    void theSilenceIsConfirmedOncePerConfiguredReprompt() {
        var twoReprompts = new InboundScript(null, new Listening(List.of("cant-hear-you", "cant-hear-you"), null, null, null),
                null, null, null, null, null, null, null);
        var caller = ScriptedCaller.silent();

        new InboundFlow(twoReprompts, config.languages(), new BookedCallbacks(), ScriptedCaller.STOPPED_CLOCK).run(caller, new CallFacts("s", ""));

        assertThat(caller.transcript.stream().filter(l -> l.startsWith("listen"))).hasSize(3);
    }
}
