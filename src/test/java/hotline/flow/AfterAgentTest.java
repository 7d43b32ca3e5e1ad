package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 11 item 2 and the hand-overs: what the call's own session does once the agent's leg is gone. */
class AfterAgentTest {

    private static final Script SHIPPED = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    private static final CallFacts FACTS = new CallFacts("8005550103", "5550100");

    private Outcome call(ScriptedCaller caller) {
        return new InboundFlow(SHIPPED, new BookedCallbacks(), caller.clock()).run(caller, FACTS);
    }

    @Test
    void whenTheAgentHangsUpTheCallerHearsTheClosingFiveSecondsThenTheHangUp() {
        var caller = new ScriptedCaller().speaksAfter(0);
        assertThat(call(caller)).isEqualTo(new Outcome.Queued("hotline", new QueueEnd.Answered("PJSIP/agent-1")));
        assertThat(caller.transcript).endsWith("queue hotline 30s", "play closing", "pause 5s", "hangup");
    }

    @Test
    void aCallerWhoHangsUpFirstIsAPlainAgentCall() {
        var caller = new ScriptedCaller().speaksAfter(0).hangsUpAt("play closing");
        assertThat(call(caller).code()).isEqualTo("queued:hotline");
    }

    @Test
    void aCallEndedByAnAgentsKeyIsReportedAsThatKeysScript() {
        var caller = new ScriptedCaller().speaksAfter(0).withNote("AGENT_ENDED", "abusive:hangup");
        assertThat(call(caller).code()).isEqualTo("agent:abusive-hangup");
        assertThat(caller.transcript).endsWith("queue hotline 30s");
    }

    @Test
    void anEscalationHandedOverGoesToTheTeamLeadWithTheAgentWhoEscalated() {
        var caller = new ScriptedCaller().speaksAfter(0).withNote("AGENT_NEXT", "escalate")
                .withNote("KEY_AGENT", "PJSIP/agent-7-0001").withMembersLoggedIn(1);
        call(caller);
        assertThat(caller.transcript).containsSubsequence("queue hotline 30s",
                "tell-agents {ESCALATED_BY=PJSIP/agent-7-0001}", "play complaint-escalating",
                "record complaint-record-statement", "members teamlead", "queue teamlead 30s");
        assertThat(caller.notes).containsEntry("AGENT_NEXT", "");
    }

    @Test
    void aDialectHandOverWalksTheInboundDialectLadderOfTheCallersLanguage() {
        var caller = new ScriptedCaller().speaksAfter(0).withNote("AGENT_NEXT", "dialect");
        Outcome outcome = call(caller);
        // Korean has no dialect queue in the shipped config: no colleague is looked for, none promised
        assertThat(caller.transcript).containsSubsequence("queue hotline 30s", "play speak-standard", "play yes-no",
                "play find-standard-speaker", "play yes-no", "play dialect-standard-only-goodbye", "pause 5s", "hangup");
        assertThat(caller.transcript).noneMatch(l -> l.startsWith("members dialect") || l.contains("dialect-transfer"));
        assertThat(outcome.code()).isEqualTo("dialect-no-queue:ko");
    }
}
