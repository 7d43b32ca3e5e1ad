package hotline.agi;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Arrival order per queue, so that a caller who steps out of the queue to hear a prompt
 * (patience, callback offer) re-enters at their place, not at the end (call-scripts.md §5).
 * Every hotline caller enters the queues through this server, so it knows who came first.
 */
final class QueuePlaces {

    private final Map<String, Map<String, Instant>> arrivals = new ConcurrentHashMap<>();

    /** The position (1 = head of the line) the caller should re-enter at. */
    int placeFor(String queue, String callId, Instant now) {
        Map<String, Instant> waiting = arrivals.computeIfAbsent(queue, q -> new ConcurrentHashMap<>());
        Instant mine = waiting.computeIfAbsent(callId, id -> now);
        return 1 + (int) waiting.entrySet().stream()
                .filter(e -> !e.getKey().equals(callId))
                .filter(e -> e.getValue().isBefore(mine) || (e.getValue().equals(mine) && e.getKey().compareTo(callId) < 0))
                .count();
    }

    void leave(String queue, String callId) {
        Map<String, Instant> waiting = arrivals.get(queue);
        if (waiting != null) waiting.remove(callId);
    }

    void leaveAll(String callId) {
        arrivals.values().forEach(w -> w.remove(callId));
    }
}
