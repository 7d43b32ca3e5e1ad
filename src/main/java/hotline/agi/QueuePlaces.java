package hotline.agi;

import hotline.store.QueueArrivals;
import hotline.time.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Arrival order per queue, so that a caller who steps out of the queue to hear a prompt
 * (patience, callback offer) re-enters at their place, not at the end (call-scripts.md §5).
 * One node keeps it in memory; several nodes on one PostgreSQL share it ({@link #shared}).
 */
public interface QueuePlaces extends AutoCloseable {

    /** The position (1 = head of the line) the caller should re-enter at; never fails a live call. */
    int placeFor(String queue, String callId, Instant now);

    /** An agent answered: the call no longer waits in {@code queue}. */
    void leave(String queue, String callId);

    /** The call ended, however it ended: it holds no place in any queue. */
    void leaveAll(String callId);

    /** Stops whatever runs in the background (the shared places' lease renewal). */
    @Override
    default void close() {
    }

    /** Places in this node's memory: one node serves every caller (SQLite). */
    static QueuePlaces inMemory() {
        return new LocalQueuePlaces();
    }

    /**
     * Places shared through the store by every node on it, leased by {@code node} and renewed in the
     * background; a store failure falls back to this node's own guess and is reported to
     * {@code onFallback} ({@code place}, {@code leave}, {@code renew}).
     */
    static QueuePlaces shared(QueueArrivals store, String node, Clock clock, Ticker ticker, Consumer<String> onFallback) {
        var places = new SharedQueuePlaces(store, node, clock, ticker, onFallback);
        places.start();
        return places;
    }
}
