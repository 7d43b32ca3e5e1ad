package hotline.flow;

import java.time.Duration;

/** What listening to the line found. */
public sealed interface Heard {

    /** The caller's voice was detected after {@code after}. */
    record Voice(Duration after) implements Heard {}

    /** Nothing but silence for the whole window. */
    record Silence(Duration waited) implements Heard {}

    /** §3: a voice, but too low to understand (hands-free, far from the phone). */
    record Quiet(Duration waited) implements Heard {}

    /** §3: loud sound that is not an understandable voice. */
    record Noisy(Duration waited) implements Heard {}
}
