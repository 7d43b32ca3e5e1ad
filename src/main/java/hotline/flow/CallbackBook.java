package hotline.flow;

/** Where callback requests go. {@link #book} returns only once the request is durable. */
public interface CallbackBook {

    /** Stores the request durably (it survives a crash from now on); returns its id. */
    String book(CallbackBooking booking);
}
