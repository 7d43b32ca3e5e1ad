package hotline.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The book as one call sees it: each booking carries the reply time promised by the call's own
 * script snapshot, the same snapshot its confirmed prompt comes from, so the promise stored is
 * the promise heard (a script that adds a reason mid-call cannot strand the booking).
 *
 * @param after how long from now the promise starts to run: zero, or (a call taken while closed)
 *              the wait until the next opening, so "soon after we open" is what is stored
 */
record PromisingBook(CallbackBook inner, Map<String, Duration> promises, Duration after) implements CallbackBook {

    PromisingBook(CallbackBook inner, Map<String, Duration> promises) {
        this(inner, promises, Duration.ZERO);
    }

    /** The same book, its promises starting {@code wait} from now. */
    PromisingBook startingAfter(Duration wait) {
        return new PromisingBook(inner, promises, wait);
    }

    @Override
    public Booked book(CallbackBooking booking) {
        Duration within = promises.get(booking.reason());
        return inner.book(within == null ? booking : booking.promising(after.plus(within)));
    }

    @Override
    public Optional<String> refuses(String callerId) {
        return inner.refuses(callerId);
    }
}
