package hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * Prompt, then listen; one prompt per attempt (call-scripts.md §2: greeting, then
 * "Hello? I can't hear you").
 *
 * @param prompts     played in turn, each followed by a listening window
 * @param listenFor   the window after each prompt; §2 says 5 s. Whole seconds, 1..60
 *                    (Asterisk's WaitForNoise counts its timeout in seconds)
 * @param voiceNeeded how much continuous sound counts as the caller speaking, 50ms..5s
 */
public record Listening(List<String> prompts, Duration listenFor, Duration voiceNeeded) {

    public static final List<String> DEFAULT_PROMPTS = List.of("greeting", "cant-hear-you");
    public static final Duration DEFAULT_LISTEN_FOR = Duration.ofSeconds(5);
    public static final Duration DEFAULT_VOICE_NEEDED = Duration.ofMillis(300);

    public Listening {
        prompts = prompts == null ? DEFAULT_PROMPTS : List.copyOf(prompts);
        listenFor = listenFor == null ? DEFAULT_LISTEN_FOR : listenFor;
        voiceNeeded = voiceNeeded == null ? DEFAULT_VOICE_NEEDED : voiceNeeded;
        Check.that(!prompts.isEmpty(), "prompts: at least one prompt is needed");
        prompts.forEach(p -> Check.promptKey("prompts", p));
        Check.wholeSecondsBetween("listen-for", listenFor, 1, 60);
        Check.between("voice-needed", voiceNeeded, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    static Listening defaults() {
        return new Listening(null, null, null);
    }
}
