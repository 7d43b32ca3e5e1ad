package hotline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What every fake caller heard, pooled while the load runs (a step of the ramp reads what arrived
 * during it): prompt-frame lateness as a histogram of 0.1 ms buckets (bounded memory at any load),
 * and the silent stretches (windows and pauses) as the caller timed them.
 */
final class Observed {

    /** For calls whose audio nobody measures (the throughput runs). */
    static final Observed IGNORED = new Observed();
    private static final int BUCKETS = 100_000; // 0.1 ms each: up to 10 s
    private final AtomicLongArray late = new AtomicLongArray(BUCKETS);
    private final ConcurrentLinkedQueue<Long> stretches = new ConcurrentLinkedQueue<>();

    void frameLate(long nanos) {
        late.incrementAndGet((int) Math.min(BUCKETS - 1, nanos / 100_000));
    }

    void stretch(long nanos) {
        stretches.add(nanos);
    }

    /** The {@code p}-th percentile of frame lateness so far, in ms; NaN before any frame. */
    double lateMillis(double p) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) total += late.get(i);
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += late.get(i);
            if (seen >= rank) return i / 10.0;
        }
        return (BUCKETS - 1) / 10.0;
    }

    long frames() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) total += late.get(i);
        return total;
    }

    /** The stretches timed so far, and forgets them. */
    List<Long> takeStretches() {
        var taken = new ArrayList<Long>();
        for (Long s; (s = stretches.poll()) != null; ) taken.add(s);
        return taken;
    }

    void reset() {
        for (int i = 0; i < BUCKETS; i++) late.set(i, 0);
        stretches.clear();
    }
}
