package hotline.agi;

import java.time.Duration;

/**
 * How long the accept loop pauses after accept() failed: 10 ms, doubling to 1 s while it
 * keeps failing, back to none after a success. With the descriptor limit reached (EMFILE)
 * accept() fails at once, forever; without a pause the loop spins at full CPU.
 */
final class AcceptBackoff {

    static final Duration FIRST = Duration.ofMillis(10);
    static final Duration LONGEST = Duration.ofSeconds(1);

    private Duration next = FIRST;

    /** The pause to take after this failure. */
    Duration failed() {
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return pause;
    }

    void succeeded() {
        next = FIRST;
    }
}
