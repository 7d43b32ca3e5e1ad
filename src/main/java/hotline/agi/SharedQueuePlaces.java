package hotline.agi;

import hotline.store.QueueArrivals;
import hotline.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places in line shared by every node on one PostgreSQL ({@link QueueArrivals}): a caller's place
 * counts the earlier callers of every node. This node's calls are leased: renewed every
 * {@link #RENEW_EVERY}, so a node that dies stops counting after {@link #LEASE}. The store never
 * breaks a live call: when it fails, the place is this node's own guess (kept alongside), logged
 * (at most once per 10 s) and counted.
 */
final class SharedQueuePlaces implements QueuePlaces {

    private static final Logger log = LoggerFactory.getLogger(SharedQueuePlaces.class);
    /** How long a node's callers count after its last renewal: three renewals may fail first. */
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    private final QueueArrivals store;
    private final String node;
    private final Clock clock;
    private final Ticker ticker;
    private final Consumer<String> onFallback;
    private final LocalQueuePlaces local = new LocalQueuePlaces();
    private final RateLimit warnings = new RateLimit(1, Duration.ofSeconds(10));
    private volatile boolean running;
    private Thread renewal;

    SharedQueuePlaces(QueueArrivals store, String node, Clock clock, Ticker ticker, Consumer<String> onFallback) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.ticker = ticker;
        this.onFallback = onFallback;
    }

    synchronized void start() {
        if (running) return;
        running = true;
        renewal = Thread.ofVirtual().name("queue-places-renewal").start(this::renewLoop);
    }

    @Override
    public int placeFor(String queue, String callId, Instant now) {
        int guess = local.placeFor(queue, callId, now);
        Instant arrived = local.arrivalOf(queue, callId).orElse(now);
        try {
            return store.placeFor(queue, callId, node, arrived, now, now.plus(LEASE));
        } catch (RuntimeException e) {
            fellBack("place", e);
            return guess;
        }
    }

    @Override
    public void leave(String queue, String callId) {
        local.leave(queue, callId);
        try {
            store.leave(queue, callId);
        } catch (RuntimeException e) {
            fellBack("leave", e); // no longer renewed: the row stops counting within the lease
        }
    }

    @Override
    public void leaveAll(String callId) {
        local.leaveAll(callId);
        try {
            store.leaveAll(callId);
        } catch (RuntimeException e) {
            fellBack("leave", e);
        }
    }

    /** One renewal: this node's calls in line hold their places for another lease; expired rows go. */
    void renew() {
        Instant now = clock.instant();
        try {
            var calls = local.callsInLine();
            if (!calls.isEmpty()) store.renew(node, calls, now.plus(LEASE));
            store.forgetExpired(now);
        } catch (RuntimeException e) {
            fellBack("renew", e);
        }
    }

    private void renewLoop() {
        while (running) {
            renew();
            try {
                ticker.sleep(RENEW_EVERY);
            } catch (InterruptedException e) {
                // close() wakes the loop; running says whether to go on
            }
        }
    }

    private void fellBack(String what, RuntimeException e) {
        onFallback.accept(what);
        if (warnings.tryAcquire()) {
            log.warn("shared places in line: {} failed ({}); this node's own guess serves its callers meanwhile",
                    what, e.getMessage());
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = renewal;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
