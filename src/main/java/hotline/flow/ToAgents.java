package hotline.flow;

import hotline.config.Agents;
import java.time.Duration;
import java.util.Optional;

/**
 * Putting a caller through to the agents and keeping them company while they wait
 * (call-scripts.md §5): music on hold, "thank you for your patience" now and then, and
 * after a minute the offer of a callback; a caller who keeps waiting keeps their place.
 */
final class ToAgents {

    private final Agents agents;
    private final CallbackCapture callbacks;

    ToAgents(Agents agents, CallbackCapture callbacks) {
        this.agents = agents;
        this.callbacks = callbacks;
    }

    Outcome putThrough(Caller caller, CallFacts facts, String connectingPrompt, String queue) {
        caller.play(connectingPrompt);
        Duration waited = Duration.ZERO;
        boolean offered = false;
        while (true) {
            Duration stay = nextStay(waited, offered);
            QueueEnd end = caller.enqueue(new QueueEntry(queue, stay, true, Optional.of(agents.agentWhisper()),
                    Optional.of(agents.apologiseAfter())));
            if (!(end instanceof QueueEnd.NotAnswered(String status))) {
                return new Outcome.Queued(queue, end);
            }
            waited = waited.plus(stay);
            if (!status.equals("TIMEOUT") || waited.compareTo(agents.maxWait()) >= 0) {
                return gaveUp(caller, queue, status);
            }
            if (!offered && waited.compareTo(agents.callbackOfferAfter()) >= 0) {
                offered = true;
                // a voice over the offer stops it (barge-in); the key still decides
                boolean wantsCallback = caller.ask(agents.callbackOfferPrompt(), "1") instanceof Answer.Pressed
                        || caller.waitForKey("1", Duration.ofSeconds(3)).isPresent();
                if (wantsCallback) {
                    return callbacks.take(caller, facts, agents.callbackReason(), queue, waited, Optional.empty());
                }
            } else {
                caller.play(agents.patiencePrompt());
            }
        }
    }

    /** How long the next stay in the queue lasts: until the next prompt is due. */
    private Duration nextStay(Duration waited, boolean offered) {
        long w = waited.toSeconds();
        long every = agents.patienceEvery().toSeconds();
        long next = (w / every + 1) * every;
        long offerAt = agents.callbackOfferAfter().toSeconds();
        if (!offered && offerAt > w) {
            next = Math.min(next, offerAt);
        }
        next = Math.min(next, agents.maxWait().toSeconds());
        return Duration.ofSeconds(next - w);
    }

    /** §8: never silence and never an abrupt end. */
    private Outcome gaveUp(Caller caller, String queue, String status) {
        caller.play(agents.gaveUpPrompt());
        caller.pause(agents.pauseBeforeHangup());
        caller.hangUp();
        return new Outcome.QueueGaveUp(queue, status);
    }
}
