package hotline.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * A callback the caller asked for, as the flow took it down.
 *
 * @param number    the confirmed number to call, digits only
 * @param language  the caller's language
 * @param reason    the reason code (sets the promise)
 * @param queue     whose callback it is (the agents' queue or the team lead's)
 * @param recording the caller's recorded name or statement, if any
 * @param callerId  the caller ID of the call that asked (may differ from {@code number})
 * @param waited    how long the caller had waited before asking
 */
public record CallbackBooking(String number, String language, String reason, String queue,
                              Optional<String> recording, String callerId, Duration waited) {}
