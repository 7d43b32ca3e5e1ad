package hotline.store;

import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;

/** The flows' {@link CallbackBook} over the durable {@link CallbackStore}. */
public final class StoreCallbackBook implements CallbackBook {

    private final CallbackStore store;

    public StoreCallbackBook(CallbackStore store) {
        this.store = store;
    }

    @Override
    public Booked book(CallbackBooking booking) {
        CallbackRequest saved = store.save(request(booking));
        return new Booked.Stored(String.valueOf(saved.id()));
    }

    /** The store's request for a booking. */
    static NewCallback request(CallbackBooking booking) {
        var queue = CallbackQueue.of(booking.queue()); // stored as given: config names only queue names
        var caller = booking.callerId().isBlank()
                ? CallerDetails.withheld(booking.waited())
                : CallerDetails.of(booking.callerId(), booking.waited());
        return new NewCallback(CallbackNumber.of(booking.number()), booking.language(), booking.reason(), queue,
                booking.recording(), caller, booking.promise());
    }
}
