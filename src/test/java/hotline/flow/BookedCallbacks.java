package hotline.flow;

import java.util.ArrayList;
import java.util.List;

/** Flow tests' callback book: keeps what was booked in memory (the store has its own tests). */
final class BookedCallbacks implements CallbackBook {

    final List<CallbackBooking> booked = new ArrayList<>();

    @Override
    public Booked book(CallbackBooking booking) {
        booked.add(booking);
        return new Booked.Stored(String.valueOf(booked.size()));
    }
}
