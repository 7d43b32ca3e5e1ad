package hotline.flow;

import hotline.config.Callbacks;
import hotline.config.Hours;
import hotline.hours.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A call outside the opening hours (call-scripts.md §5, issue 12): instead of "how can I help
 * you?", which nobody could, "thank you for calling; we are closed now", the opening hours, and
 * then, as configured, the §5 callback capture ("we will call you back once we open": reason
 * {@code closed}, its promise counted from the next opening) or "please call again during our
 * opening hours, goodbye", the pause, the hang-up. Never an abrupt end.
 */
final class ClosedLine {

    private final Hours hours;
    private final OpeningHours open;
    private final Callbacks callbacks;
    private final PromisingBook book;
    private final String queue;

    ClosedLine(Hours hours, OpeningHours open, Callbacks callbacks, PromisingBook book, String queue) {
        this.hours = hours;
        this.open = open;
        this.callbacks = callbacks;
        this.book = book;
        this.queue = queue;
    }

    Outcome run(Caller caller, CallFacts facts, Instant now) {
        caller.play(hours.closedPrompt());  // "thank you for calling ...; we are closed at the moment"
        caller.play(hours.hoursPrompt());   // "our opening hours are ..."
        if (!hours.takesCallbacks()) {
            Prompting.goodbye(caller, hours.goodbyePrompt(), hours.pauseBeforeHangup());
            return new Outcome.ClosedGoodbye();
        }
        caller.play(hours.callbackPrompt()); // "leave us a number and we will call you back once we are open"
        Duration untilOpen = open.nextOpening(now).map(t -> Duration.between(now, t)).orElse(Duration.ZERO);
        return new CallbackCapture(callbacks, book.startingAfter(untilOpen))
                .take(caller, facts, Hours.CLOSED_REASON, queue, Duration.ZERO, Optional.empty());
    }
}
