package hotline.agi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Arrival order per queue in this node's memory: right when every hotline caller enters the
 * queues through this one server (SQLite, one node). With several nodes it is each node's own
 * guess, which {@link SharedQueuePlaces} keeps as its fallback.
 */
final class LocalQueuePlaces implements QueuePlaces {

    private final Map<String, Map<String, Instant>> arrivals = new ConcurrentHashMap<>();

    @Override
    public int placeFor(String queue, String callId, Instant now) {
        Map<String, Instant> waiting = arrivals.computeIfAbsent(queue, q -> new ConcurrentHashMap<>());
        Instant mine = waiting.computeIfAbsent(callId, id -> now);
        return 1 + (int) waiting.entrySet().stream()
                .filter(e -> !e.getKey().equals(callId))
                .filter(e -> e.getValue().isBefore(mine) || (e.getValue().equals(mine) && e.getKey().compareTo(callId) < 0))
                .count();
    }

    /** When {@code callId} first entered {@code queue} here, if it has. */
    Optional<Instant> arrivalOf(String queue, String callId) {
        return Optional.ofNullable(arrivals.getOrDefault(queue, Map.of()).get(callId));
    }

    /** The calls holding a place in some queue on this node. */
    List<String> callsInLine() {
        return arrivals.values().stream().flatMap(w -> w.keySet().stream()).distinct().toList();
    }

    @Override
    public void leave(String queue, String callId) {
        Map<String, Instant> waiting = arrivals.get(queue);
        if (waiting != null) waiting.remove(callId);
    }

    @Override
    public void leaveAll(String callId) {
        arrivals.values().forEach(w -> w.remove(callId));
    }
}
