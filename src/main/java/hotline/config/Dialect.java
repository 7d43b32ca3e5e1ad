package hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * The dialect ladder (call-scripts.md §4): ask for the standard language, then for someone
 * who speaks it, then hand over to a colleague who understands the dialect, or close
 * politely. Never a direct hang-up.
 *
 * @param steps             each step's prompt, followed by {@code yes-no-prompt}; "1" means
 *                          yes (the caller continues in the standard language, to the agents)
 * @param yesNoPrompt       "if you can, press 1; if not, press 2"
 * @param answerWithin      how long to wait for the key after the question, 1s..30s
 * @param queue             the dialect queue (queues.conf), used when a member is logged in
 * @param maxWait           how long to wait there for the colleague, 10s..1h; then the goodbye
 * @param transferPrompt    "I am connecting you to a colleague who speaks your dialect"
 * @param unavailablePrompt "no colleague who speaks your dialect is free ... goodbye"
 * @param pauseBeforeHangup after the goodbye, 1s..30s
 */
public record Dialect(List<String> steps, String yesNoPrompt, Duration answerWithin, String queue,
                      Duration maxWait, String transferPrompt, String unavailablePrompt,
                      Duration pauseBeforeHangup) {

    public Dialect {
        steps = steps == null ? List.of("speak-standard", "find-standard-speaker") : List.copyOf(steps);
        yesNoPrompt = yesNoPrompt == null ? "yes-no" : yesNoPrompt;
        answerWithin = answerWithin == null ? Duration.ofSeconds(5) : answerWithin;
        queue = queue == null ? "dialect-yue" : queue;
        maxWait = maxWait == null ? Duration.ofMinutes(5) : maxWait;
        transferPrompt = transferPrompt == null ? "dialect-transfer" : transferPrompt;
        unavailablePrompt = unavailablePrompt == null ? "dialect-unavailable-goodbye" : unavailablePrompt;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        var check = new Check();
        check.promptKeys("steps", steps);
        check.promptKey("yes-no-prompt", yesNoPrompt);
        check.between("answer-within", answerWithin, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.queueName("queue", queue);
        check.wholeSecondsBetween("max-wait", maxWait, 10, 3600);
        check.promptKey("transfer-prompt", transferPrompt);
        check.promptKey("unavailable-prompt", unavailablePrompt);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.done();
    }

    static Dialect defaults() {
        return new Dialect(null, null, null, null, null, null, null, null);
    }
}
