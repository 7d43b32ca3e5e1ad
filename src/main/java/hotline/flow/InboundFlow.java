package hotline.flow;

import hotline.config.InboundScript;

/**
 * The inbound hotline script (call-scripts.md §1-§2): greet, listen for the caller's
 * voice, re-prompt once, and either put the caller through to the agents or close a
 * silent line politely. Never hangs up without a goodbye and a pause.
 */
public final class InboundFlow {

    private final InboundScript script;

    public InboundFlow(InboundScript script) {
        this.script = script;
    }

    public Outcome run(Caller caller) {
        caller.answer();
        return switch (Prompting.promptUntilHeard(caller, script.listening())) {
            case Heard.Voice voice -> toAgents(caller);
            case Heard.Silence silence -> silentLineGoodbye(caller);
        };
    }

    /** §2.3-§2.4: "your phone has no sound ... goodbye", wait, then hang up. */
    private Outcome silentLineGoodbye(Caller caller) {
        var silentLine = script.silentLine();
        caller.play(silentLine.goodbye());
        caller.pause(silentLine.pauseBeforeHangup());
        caller.hangUp();
        return new Outcome.SilentLineGoodbye();
    }

    private Outcome toAgents(Caller caller) {
        var agents = script.agents();
        caller.play(agents.connecting());
        QueueEnd end = caller.enqueue(agents.queue(), agents.maxWait());
        if (end instanceof QueueEnd.NotAnswered(String status)) {
            // §8: never silence and never an abrupt end; closed politely for now,
            // the callback offer replaces this when the store exists.
            caller.play(agents.gaveUpPrompt());
            caller.pause(agents.pauseBeforeHangup());
            caller.hangUp();
            return new Outcome.QueueGaveUp(agents.queue(), status);
        }
        return new Outcome.Queued(agents.queue(), end);
    }
}
