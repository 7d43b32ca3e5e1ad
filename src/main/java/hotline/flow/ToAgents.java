package hotline.flow;

import hotline.config.Agents;

/** Putting a caller through to a queue of people, and closing politely if it gives up. */
final class ToAgents {

    private ToAgents() {}

    static Outcome putThrough(Caller caller, Agents agents, String connectingPrompt, String queue) {
        caller.play(connectingPrompt);
        QueueEnd end = caller.enqueue(queue, agents.maxWait());
        if (end instanceof QueueEnd.NotAnswered(String status)) {
            // §8: never silence and never an abrupt end; the callback offer replaces
            // this when the store exists.
            caller.play(agents.gaveUpPrompt());
            caller.pause(agents.pauseBeforeHangup());
            caller.hangUp();
            return new Outcome.QueueGaveUp(queue, status);
        }
        return new Outcome.Queued(queue, end);
    }
}
