package hotline.flow;

import hotline.config.Callers;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's number, looked up when the call is answered: a number on the block list hears
 * one polite sentence (§7: never rude, never an abrupt hang-up), the pause and the hang-up; a
 * repeat caller (§1) is announced to the answering agent only, in the whisper — nothing
 * personal is said to the caller.
 */
final class CallerCheck {

    private final Callers config;
    private final CallerHistory history;
    private final InstantSource clock;
    private Map<String, String> forTheAgent = Map.of();
    private boolean told;

    CallerCheck(Callers config, CallerHistory history, InstantSource clock) {
        this.config = config;
        this.history = history;
        this.clock = clock;
    }

    /** Blocked: the goodbye is said and the call ended; empty: the call goes on. */
    Optional<Outcome> atAnswer(Caller caller, CallFacts facts) {
        if (facts.callerNumber().isEmpty()) return Optional.empty(); // withheld: nothing to look up
        var now = clock.instant();
        return switch (history.arrived(facts.callerNumber(), now, config.repeatWithin())) {
            case CallerHistory.Arrival.Blocked blocked -> {
                Prompting.goodbye(caller, config.blockedPrompt(), config.pauseBeforeHangup());
                yield Optional.of(new Outcome.Blocked());
            }
            case CallerHistory.Arrival.Seen seen -> {
                forTheAgent = whisper(seen, now);
                yield Optional.empty();
            }
        };
    }

    /** Before the first queue: the answering agent's whisper learns it (HOTLINE_REPEAT_DAYS, HOTLINE_CALLBACK_PENDING). */
    void tellTheAgent(Caller caller) {
        if (told || forTheAgent.isEmpty()) return;
        told = true;
        caller.tellAgents(forTheAgent);
    }

    private static Map<String, String> whisper(CallerHistory.Arrival.Seen seen, java.time.Instant now) {
        if (!seen.repeat()) return Map.of();
        var details = new LinkedHashMap<String, String>();
        // whole days: "less than a day ago" for 0, honest without a time zone
        seen.lastCall().ifPresent(last -> details.put("REPEAT_DAYS",
                String.valueOf(Math.max(0, Duration.between(last, now).toDays()))));
        if (seen.callbackPending()) details.put("CALLBACK_PENDING", "1");
        return details;
    }
}
