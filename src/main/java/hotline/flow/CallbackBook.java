package hotline.flow;

import java.util.Optional;

/** Where callback requests go. {@link #book} returns only once the request is durable. */
public interface CallbackBook {

    /**
     * Stores the request durably (it survives a crash from now on): in the store, or when the
     * store fails in the local spool, to be replayed. Or refuses it ({@link Booked.Refused}).
     */
    Booked book(CallbackBooking booking);

    /**
     * Why this caller (caller ID digits, empty when withheld) may not ask for a callback now,
     * before they are asked for a number; empty when they may.
     */
    default Optional<String> refuses(String callerId) {
        return Optional.empty();
    }

    /** How a booking ended. */
    sealed interface Booked {
        /** Durable under this id (a store id, or {@code spool-…} while the store is down). */
        record Stored(String id) implements Booked {}

        /** Not taken: {@code why} is a code such as {@code rate-limited}. */
        record Refused(String why) implements Booked {}
    }
}
