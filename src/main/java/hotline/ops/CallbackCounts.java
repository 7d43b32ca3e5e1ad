package hotline.ops;

import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.time.Ticker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callbacks by state for the scrape: one query at most every {@link #EVERY}, the last counts
 * kept while the store does not answer (a slow store never slows a scrape more than once a period).
 */
final class CallbackCounts {

    static final Duration EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CallbackCounts.class);
    private final CallbackStore store;
    private final Ticker ticker;
    private Map<String, Long> last = Map.of();
    private long readAt;
    private boolean read;

    CallbackCounts(CallbackStore store, Ticker ticker) {
        this.store = store;
        this.ticker = ticker;
    }

    synchronized Map<String, Long> get() {
        long now = ticker.nanoTime();
        if (read && now - readAt < EVERY.toNanos()) return last;
        read = true;
        readAt = now;
        try {
            var counts = new LinkedHashMap<String, Long>();
            store.countByState().forEach((CallbackState s, Long n) -> counts.put(s.code(), n));
            last = Map.copyOf(counts);
        } catch (RuntimeException e) {
            log.warn("callbacks by state not read for the metrics: {}", e.getMessage());
        }
        return last;
    }
}
