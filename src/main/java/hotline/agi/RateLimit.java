package hotline.agi;

import java.util.function.LongSupplier;

/**
 * At most {@code perWindow} events per window; the rest are counted so the next allowed
 * message can say how many were left out. Keeps a flood (accept() failing, a port
 * scanner) from turning into a flood of log or journal lines.
 */
final class RateLimit {

    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int usedInWindow;
    private long suppressed;

    RateLimit(int perWindow, java.time.Duration window) {
        this(perWindow, window, System::nanoTime);
    }

    RateLimit(int perWindow, java.time.Duration window, LongSupplier nanoClock) {
        this.perWindow = perWindow;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** True when this event may be written; false when it is only counted. */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            usedInWindow = 0;
        }
        if (usedInWindow < perWindow) {
            usedInWindow++;
            return true;
        }
        suppressed++;
        return false;
    }

    /** Events left out since the last call, and resets the count. */
    synchronized long takeSuppressed() {
        long n = suppressed;
        suppressed = 0;
        return n;
    }
}
