package hotline.flow;

import hotline.config.Callbacks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The per-caller rate limit (inbound.callbacks.max-per-caller within per-caller-window): at
 * most that many callback requests per caller ID and per number to call back, so one caller
 * cannot book a flood of callbacks, nor many callers one victim's number. Counted on this
 * node, in memory (docs/callbacks.md#limits-against-abuse). Wraps the book that stores.
 */
public final class CallbackLimits implements CallbackBook {

    static final String RATE_LIMITED = "rate-limited";
    /** Keys kept at most; the oldest windows go first (a flood of distinct numbers cannot fill the heap). */
    private static final int MAX_KEYS = 100_000;

    private final CallbackBook inner;
    private final Supplier<Callbacks> scripts;
    private final Clock clock;
    private final Map<String, Deque<Instant>> requests = new HashMap<>();

    public CallbackLimits(CallbackBook inner, Callbacks config, Clock clock) {
        this(inner, () -> config, clock);
    }

    /** With the limits of the script calls follow now ({@code inbound.callbacks}, read at each request). */
    public CallbackLimits(CallbackBook inner, Supplier<Callbacks> scripts, Clock clock) {
        this.inner = inner;
        this.scripts = scripts;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<String> refuses(String callerId) {
        return !callerId.isEmpty() && full("caller:" + callerId, clock.instant())
                ? Optional.of(RATE_LIMITED) : inner.refuses(callerId);
    }

    @Override
    public Booked book(CallbackBooking booking) {
        synchronized (this) {
            Instant now = clock.instant();
            String caller = "caller:" + booking.callerId();
            String number = "number:" + booking.number();
            if ((!booking.callerId().isEmpty() && full(caller, now)) || full(number, now)) {
                return new Booked.Refused(RATE_LIMITED);
            }
            if (!booking.callerId().isEmpty()) count(caller, now);
            count(number, now);
        }
        return inner.book(booking);
    }

    private boolean full(String key, Instant now) {
        Callbacks config = scripts.get();
        Deque<Instant> times = requests.get(key);
        if (times == null) return false;
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(config.perCallerWindow()))) times.pollFirst();
        return times.size() >= config.maxPerCaller();
    }

    private void count(String key, Instant now) {
        Callbacks config = scripts.get();
        if (requests.size() >= MAX_KEYS && !requests.containsKey(key)) {
            requests.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(now.minus(config.perCallerWindow())));
            if (requests.size() >= MAX_KEYS) requests.remove(requests.keySet().iterator().next());
        }
        requests.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
}
