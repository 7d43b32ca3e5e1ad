package hotline.flow;

import java.time.Duration;

/** How a prompt the caller may answer ended: a key, their voice over it, or its end. */
public sealed interface Answer {

    /** The caller pressed one of the keys offered. */
    record Pressed(char key) implements Answer {}

    /** The caller spoke over the prompt, {@code into} it (barge-in): the prompt stopped. */
    record Spoke(Duration into) implements Answer {}

    /** The prompt played to its end with no key and no voice. */
    record Finished() implements Answer {}
}
