package hotline.flow;

import java.time.Duration;
import java.util.Optional;

/** What listening to the line found. */
public sealed interface Heard {

    /**
     * The caller's voice was detected after {@code after}; {@code overPrompt} says how far
     * into a prompt the caller spoke over it (barge-in), when that is how it was heard.
     */
    record Voice(Duration after, Optional<Duration> overPrompt) implements Heard {
        public Voice(Duration after) {
            this(after, Optional.empty());
        }
    }

    /** Nothing but silence for the whole window. */
    record Silence(Duration waited) implements Heard {}

    /** §3: a voice, but too low to understand (hands-free, far from the phone). */
    record Quiet(Duration waited) implements Heard {}

    /** §3: loud sound that is not an understandable voice. */
    record Noisy(Duration waited) implements Heard {}

    /** The caller pressed one of the keys offered: a key works at any moment. */
    record Pressed(char key, Duration after) implements Heard {}
}
