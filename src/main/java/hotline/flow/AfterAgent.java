package hotline.flow;

import hotline.config.AgentScripts;
import hotline.config.Dialect;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the call's own session does when its Queue returns after an agent answered (issue 11):
 * report the agent key's script that ended the call; carry out the one it handed over
 * (escalate §6, dialect §4: they need another queue); or, the agent having hung up, the §9
 * close: "thank you for calling ... goodbye", 5 s, the hang-up — unless the caller hung up first.
 */
final class AfterAgent {

    private final AgentScripts agent;
    private final Escalation escalation;
    private final Dialect dialect;
    private final ClosingWords closingWords;

    private final String dialectWhisper;

    AfterAgent(AgentScripts agent, Escalation escalation, Dialect dialect, String dialectWhisper,
               ClosingWords closingWords) {
        this.dialectWhisper = dialectWhisper;
        this.agent = agent;
        this.escalation = escalation;
        this.dialect = dialect;
        this.closingWords = closingWords;
    }

    Outcome after(Caller caller, CallFacts facts, Outcome queued, Instant answered,
                  Function<Caller, Outcome> toAgents) {
        if (!(queued instanceof Outcome.Queued(String queue, QueueEnd end)) || !(end instanceof QueueEnd.Answered)) {
            return queued;
        }
        Optional<String> ended = caller.note(AgentNotes.ENDED);
        if (ended.isPresent() && ended.get().contains(":")) {
            String e = ended.get();
            return new Outcome.AgentScript(e.substring(0, e.lastIndexOf(':')), e.substring(e.lastIndexOf(':') + 1));
        }
        Optional<String> next = caller.note(AgentNotes.NEXT);
        if (next.isPresent()) {
            caller.keepNote(AgentNotes.NEXT, "");
            if (next.get().equals("escalate")) {
                caller.tellAgents(Map.of("ESCALATED_BY", caller.note(AgentNotes.AGENT).orElse("")));
                return escalation.run(caller, facts, answered);
            }
            if (next.get().equals("dialect")) {
                return DialectLadder.run(caller, dialect, dialectWhisper, toAgents);
            }
        }
        try {
            // "... goodbye", or "... have a good weekend / enjoy the holiday" before one (§1)
            Prompting.goodbye(caller, closingWords.closing(agent.closingPrompt()), agent.pauseBeforeHangup());
        } catch (CallerHungUp first) {
            // §9 (004 §7): let the caller hang up first; that is how most agent calls end
        }
        return queued;
    }
}
