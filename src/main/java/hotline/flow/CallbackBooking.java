package hotline.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * A callback the caller asked for, as the flow took it down.
 *
 * @param number    the confirmed number to call, digits only
 * @param language  the caller's language
 * @param reason    the reason code (the confirmed prompt and the promise follow it)
 * @param queue     whose callback it is (the agents' queue or the team lead's)
 * @param recording the caller's recorded name or statement, if any
 * @param callerId  the caller ID of the call that asked (may differ from {@code number})
 * @param waited    how long the caller had waited before asking
 * @param promise   the reply time the call's own script promised for {@code reason} (the
 *                  prompt said it); empty when the booking did not come through a call's script
 */
public record CallbackBooking(String number, String language, String reason, String queue,
                              Optional<String> recording, String callerId, Duration waited,
                              Optional<Duration> promise) {

    /** A booking without a promise of its own: the store's {@code store.promise} applies. */
    public CallbackBooking(String number, String language, String reason, String queue,
                           Optional<String> recording, String callerId, Duration waited) {
        this(number, language, reason, queue, recording, callerId, waited, Optional.empty());
    }

    /** The same booking, carrying the reply time the caller is promised. */
    public CallbackBooking promising(Duration within) {
        return new CallbackBooking(number, language, reason, queue, recording, callerId, waited, Optional.of(within));
    }
}
