package hotline.flow;

import hotline.config.Dialect;
import java.util.Optional;

/**
 * call-scripts.md §4: "could you speak Mandarin?", "could you find someone who can?",
 * then a colleague who understands the dialect, or a polite goodbye. A caller who
 * answers yes stays in the standard language and goes to the agents (§4: do not switch
 * into the caller's dialect). Never hangs up directly.
 */
final class DialectLadder {

    private static final String YES_NO = "12";

    private DialectLadder() {}

    static Outcome run(Caller caller, Dialect dialect, java.util.function.Function<Caller, Outcome> toAgents) {
        for (String step : dialect.steps()) {
            caller.play(step);
            Optional<Character> answer = caller.offer(dialect.yesNoPrompt(), YES_NO)
                    .or(() -> caller.waitForKey(YES_NO, dialect.answerWithin()));
            if (answer.equals(Optional.of('1'))) {
                return toAgents.apply(caller);
            }
        }
        if (caller.membersLoggedIn(dialect.queue()) > 0) {
            caller.play(dialect.transferPrompt());
            QueueEnd end = caller.enqueue(QueueEntry.once(dialect.queue(), dialect.maxWait(), Optional.empty()));
            if (!(end instanceof QueueEnd.NotAnswered)) {
                return new Outcome.Queued(dialect.queue(), end);
            }
        }
        caller.play(dialect.unavailablePrompt());
        caller.pause(dialect.pauseBeforeHangup());
        caller.hangUp();
        return new Outcome.DialectUnavailable(dialect.queue());
    }
}
