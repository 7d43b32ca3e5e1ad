package hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * A poor line's script (call-scripts.md §3): a re-prompt per further listening window
 * while the line stays quiet (or noisy), then a goodbye, a pause and the hang-up. Never
 * a direct hang-up.
 *
 * @param reprompts         played in turn, each followed by a listening window
 * @param goodbye           "please call again on another line ... goodbye"
 * @param pauseBeforeHangup 1s..30s, §3: 5 s
 */
public record LineLadder(List<String> reprompts, String goodbye, Duration pauseBeforeHangup) {

    public LineLadder {
        reprompts = reprompts == null ? List.of() : List.copyOf(reprompts);
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        var check = new Check();
        check.promptKeys("reprompts", reprompts);
        check.that("goodbye", goodbye != null, "missing: a poor line's ladder ends with a goodbye");
        if (goodbye != null) check.promptKey("goodbye", goodbye);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.done();
    }

    /** §3 hands-free / too low: "pick up the handset", "speak louder", goodbye. */
    static LineLadder quietDefaults() {
        return new LineLadder(List.of("too-quiet-handset", "speak-louder"), "too-quiet-goodbye", null);
    }

    /** §3 noisy: "very noisy, could you say that again?", goodbye. */
    static LineLadder noisyDefaults() {
        return new LineLadder(List.of("noisy-repeat"), "noisy-goodbye", null);
    }
}
