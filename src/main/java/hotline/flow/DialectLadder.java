package hotline.flow;

import hotline.config.Dialect;
import hotline.config.DialectRoute;
import java.util.List;
import java.util.Optional;

/**
 * call-scripts.md §4: "could you speak Mandarin?", "could you find someone who can?",
 * then a colleague who understands the dialect, or a polite goodbye. A caller who
 * answers yes stays in the standard language and goes to the agents (§4: do not switch
 * into the caller's dialect). Never hangs up directly. Each language has its own standard
 * and its own dialect queues (inbound.dialect.by-language); a language without one is never
 * promised a colleague who speaks the dialect.
 */
final class DialectLadder {

    private static final String YES_NO = "12";

    private DialectLadder() {}

    /**
     * @param whisper the dialplan context the dialect colleague hears before the bridge (the
     *                dialect's own, else the agents')
     */
    static Outcome run(Caller caller, Dialect dialect, String whisper,
                       java.util.function.Function<Caller, Outcome> toAgents) {
        String language = caller.language();
        for (String step : dialect.stepsFor(language)) {
            caller.play(step);
            Optional<Character> answer = caller.offer(dialect.yesNoPrompt(), YES_NO)
                    .or(() -> caller.waitForKey(YES_NO, dialect.answerWithin()));
            if (answer.equals(Optional.of('1'))) {
                return toAgents.apply(caller);
            }
        }
        DialectRoute route = dialect.routeFor(language);
        if (route.queues().isEmpty()) {
            return goodbye(caller, dialect, dialect.noQueuePrompt(), new Outcome.NoDialectQueue(language));
        }
        for (String queue : route.queues()) {
            if (caller.membersLoggedIn(queue) == 0) continue;
            caller.play(dialect.transferPrompt());
            QueueEnd end = caller.enqueue(QueueEntry.once(queue, dialect.maxWait(), Optional.of(whisper)));
            if (!(end instanceof QueueEnd.NotAnswered)) {
                return new Outcome.Queued(queue, end);
            }
            break; // the transfer was promised once: nobody answering in max-wait ends it politely
        }
        return goodbye(caller, dialect, dialect.unavailablePrompt(),
                new Outcome.DialectUnavailable(language, List.copyOf(route.queues())));
    }

    private static Outcome goodbye(Caller caller, Dialect dialect, String prompt, Outcome outcome) {
        caller.play(prompt);
        caller.pause(dialect.pauseBeforeHangup());
        caller.hangUp();
        return outcome;
    }
}
