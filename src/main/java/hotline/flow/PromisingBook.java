package hotline.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The book as one call sees it: each booking carries the reply time promised by the call's own
 * script snapshot, the same snapshot its confirmed prompt comes from, so the promise stored is
 * the promise heard (a script that adds a reason mid-call cannot strand the booking).
 */
record PromisingBook(CallbackBook inner, Map<String, Duration> promises) implements CallbackBook {

    @Override
    public Booked book(CallbackBooking booking) {
        Duration within = promises.get(booking.reason());
        return inner.book(within == null ? booking : booking.promising(within));
    }

    @Override
    public Optional<String> refuses(String callerId) {
        return inner.refuses(callerId);
    }
}
