package hotline.store;

import java.time.Duration;
import java.util.Optional;

/**
 * What the team lead is told about the caller so the caller need not repeat it
 * (call-scripts.md §6).
 *
 * @param callerId the caller ID as Asterisk gave it (already cleaned by the adapter); empty when withheld
 * @param waited   how long the caller had waited before asking for a callback
 */
public record CallerDetails(Optional<String> callerId, Duration waited) {

    public CallerDetails {
        Fields.check(callerId != null, "caller-id: use Optional.empty() when withheld");
        callerId = callerId.filter(id -> !id.isBlank()).map(id -> Fields.text("caller-id", id));
        Fields.check(waited != null && !waited.isNegative(), "waited: must be zero or more");
    }

    public static CallerDetails of(String callerId, Duration waited) {
        return new CallerDetails(Optional.of(callerId), waited);
    }

    public static CallerDetails withheld(Duration waited) {
        return new CallerDetails(Optional.empty(), waited);
    }
}
