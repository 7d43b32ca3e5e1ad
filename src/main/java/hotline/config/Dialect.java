package hotline.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialect ladder (call-scripts.md §4): ask for the standard language, then for someone
 * who speaks it, then hand over to a colleague who understands the dialect, or close
 * politely. Never a direct hang-up. Each language has its own end (docs/languages.md#dialect-queues).
 *
 * @param steps             each step's prompt, followed by {@code yes-no-prompt}; "1" means
 *                          yes (the caller continues in the standard language, to the agents);
 *                          a language's {@code by-language} entry may name its own
 * @param yesNoPrompt       "if you can, press 1; if not, press 2"
 * @param answerWithin      how long to wait for the key after the question, 1s..30s
 * @param byLanguage        language (of languages.offered) → its dialect queues and steps; a language
 *                          not listed has no dialect queue
 * @param maxWait           how long to wait in a dialect queue for the colleague, 10s..1h; then the goodbye
 * @param transferPrompt    "I am connecting you to a colleague who speaks your dialect"
 * @param unavailablePrompt the language has dialect queues but nobody is free: "no colleague who
 *                          speaks your dialect is free ... goodbye"
 * @param noQueuePrompt     the language has no dialect queue: a goodbye that promises no colleague
 * @param whisper           dialplan context run on the dialect colleague's channel before the bridge
 *                          (live calls and callbacks); "" = the agents' ({@code inbound.agents.agent-whisper})
 * @param pauseBeforeHangup after the goodbye, 1s..30s
 */
public record Dialect(List<String> steps, String yesNoPrompt, Duration answerWithin,
                      Map<String, DialectRoute> byLanguage, Duration maxWait, String transferPrompt,
                      String unavailablePrompt, String noQueuePrompt, String whisper, Duration pauseBeforeHangup) {

    public Dialect {
        steps = steps == null ? List.of("speak-standard", "find-standard-speaker") : List.copyOf(steps);
        yesNoPrompt = yesNoPrompt == null ? "yes-no" : yesNoPrompt;
        answerWithin = answerWithin == null ? Duration.ofSeconds(5) : answerWithin;
        byLanguage = byLanguage == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
        maxWait = maxWait == null ? Duration.ofMinutes(5) : maxWait;
        transferPrompt = transferPrompt == null ? "dialect-transfer" : transferPrompt;
        unavailablePrompt = unavailablePrompt == null ? "dialect-unavailable-goodbye" : unavailablePrompt;
        noQueuePrompt = noQueuePrompt == null ? "dialect-standard-only-goodbye" : noQueuePrompt;
        whisper = whisper == null ? "" : whisper;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        var check = new Check();
        check.promptKeys("steps", steps);
        check.promptKey("yes-no-prompt", yesNoPrompt);
        check.between("answer-within", answerWithin, Duration.ofSeconds(1), Duration.ofSeconds(30));
        byLanguage.forEach((language, route) -> check.entryName("by-language", language,
                language.matches("[a-z]{2,3}(_[A-Z]{2})?"), Check.quote(language) + " is not a language code"));
        check.wholeSecondsBetween("max-wait", maxWait, 10, 3600);
        check.promptKey("transfer-prompt", transferPrompt);
        check.promptKey("unavailable-prompt", unavailablePrompt);
        check.promptKey("no-queue-prompt", noQueuePrompt);
        if (!whisper.isEmpty()) check.contextName("whisper", whisper);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.done();
    }

    static Dialect defaults() {
        return new Dialect(null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code language}'s end of the ladder: its entry, or no dialect queue. */
    public DialectRoute routeFor(String language) {
        return byLanguage.getOrDefault(language, DialectRoute.none());
    }

    /** The prompts that ask a caller of {@code language} for the standard language. */
    public List<String> stepsFor(String language) {
        List<String> own = routeFor(language).steps();
        return own.isEmpty() ? steps : own;
    }
}
