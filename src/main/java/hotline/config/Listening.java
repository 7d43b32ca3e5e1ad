package hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * Listening for the caller's voice after the greeting, re-prompting while the line is
 * silent (call-scripts.md §2: "Hello? I can't hear you").
 *
 * @param reprompts   played in turn after each silent window; the silence is confirmed
 *                    once per listening window (§2: twice in all, so one re-prompt)
 * @param listenFor   each window, §2 says 5 s. Whole seconds, 1..60 (Asterisk's
 *                    WaitForNoise counts its timeout in seconds)
 * @param voiceNeeded how much continuous sound counts as the caller speaking, 50ms..5s
 */
public record Listening(List<String> reprompts, Duration listenFor, Duration voiceNeeded) {

    public Listening {
        reprompts = reprompts == null ? List.of("cant-hear-you") : List.copyOf(reprompts);
        listenFor = listenFor == null ? Duration.ofSeconds(5) : listenFor;
        voiceNeeded = voiceNeeded == null ? Duration.ofMillis(300) : voiceNeeded;
        reprompts.forEach(p -> Check.promptKey("reprompts", p));
        Check.wholeSecondsBetween("listen-for", listenFor, 1, 60);
        Check.between("voice-needed", voiceNeeded, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    static Listening defaults() {
        return new Listening(null, null, null);
    }
}
