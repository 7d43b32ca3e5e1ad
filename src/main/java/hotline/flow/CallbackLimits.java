package hotline.flow;

import hotline.config.Callbacks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The per-caller rate limit (inbound.callbacks.max-per-caller within per-caller-window): at
 * most that many callback requests per caller ID and per number to call back, so one caller
 * cannot book a flood of callbacks, nor many callers one victim's number. Counted in
 * {@link RequestCounts}: the store, shared by every node on one PostgreSQL, or this node's memory
 * (docs/callbacks.md#limits-against-abuse). Wraps the book that stores.
 */
public final class CallbackLimits implements CallbackBook {

    static final String RATE_LIMITED = "rate-limited";

    private final CallbackBook inner;
    private final Supplier<Callbacks> scripts;
    private final Clock clock;
    private final RequestCounts counts;

    public CallbackLimits(CallbackBook inner, Callbacks config, Clock clock) {
        this(inner, () -> config, clock, RequestCounts.inMemory());
    }

    /**
     * With the limits of the script calls follow now ({@code inbound.callbacks}, read at each
     * request), counted in {@code counts}.
     */
    public CallbackLimits(CallbackBook inner, Supplier<Callbacks> scripts, Clock clock, RequestCounts counts) {
        this.inner = inner;
        this.scripts = scripts;
        this.clock = clock;
        this.counts = counts;
    }

    @Override
    public Optional<String> refuses(String callerId) {
        Callbacks config = scripts.get();
        Instant now = clock.instant();
        return !callerId.isEmpty() && counts.since("caller:" + callerId, now.minus(config.perCallerWindow())) >= config.maxPerCaller()
                ? Optional.of(RATE_LIMITED) : inner.refuses(callerId);
    }

    @Override
    public Booked book(CallbackBooking booking) {
        Callbacks config = scripts.get();
        Instant now = clock.instant();
        List<String> keys = booking.callerId().isEmpty() ? List.of("number:" + booking.number())
                : List.of("caller:" + booking.callerId(), "number:" + booking.number());
        if (!counts.admit(keys, now, now.minus(config.perCallerWindow()), config.maxPerCaller())) {
            return new Booked.Refused(RATE_LIMITED);
        }
        return inner.book(booking);
    }
}
