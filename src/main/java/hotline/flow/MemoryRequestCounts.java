package hotline.flow;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link RequestCounts} in this node's memory, at most {@value #MAX_KEYS} keys. */
final class MemoryRequestCounts implements RequestCounts {

    /** Keys kept at most; the oldest windows go first (a flood of distinct numbers cannot fill the heap). */
    static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> requests = new HashMap<>();

    @Override
    public synchronized int since(String key, Instant since) {
        Deque<Instant> times = requests.get(key);
        if (times == null) return 0;
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) times.pollFirst();
        return times.size();
    }

    @Override
    public synchronized boolean admit(List<String> keys, Instant at, Instant since, int max) {
        if (keys.stream().anyMatch(k -> since(k, since) >= max)) return false;
        for (String key : keys) {
            if (requests.size() >= MAX_KEYS && !requests.containsKey(key)) {
                requests.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(since));
                if (requests.size() >= MAX_KEYS) requests.remove(requests.keySet().iterator().next());
            }
            requests.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
        }
        return true;
    }
}
