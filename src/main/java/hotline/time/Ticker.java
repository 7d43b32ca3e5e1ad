package hotline.time;

import java.time.Duration;

/**
 * Elapsed time and waits for the server's own timers (the dialler's rounds, the spool replay,
 * the accept back-off, the drain): the monotonic counterpart of the injected
 * {@link java.time.Clock}, so tests run those timers in virtual time. Socket deadlines and the
 * 20 ms pacing of the media path stay on the real clock: the far end lives in real time.
 */
public interface Ticker {

    /** Like {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** Waits {@code length}; an interrupt ends the wait early, as {@link Thread#sleep} does. */
    void sleep(Duration length) throws InterruptedException;

    /**
     * Waits on {@code lock}'s monitor (held by the caller) for a notify or at most {@code atMost}:
     * {@link Object#wait(long)}, which a virtual ticker replaces by moving its time on.
     */
    default void awaitNotify(Object lock, Duration atMost) throws InterruptedException {
        lock.wait(Math.max(1, atMost.toMillis()));
    }

    /** The real one. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration length) throws InterruptedException {
            Thread.sleep(length);
        }
    };
}
