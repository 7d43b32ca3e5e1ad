package hotline.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a callback is: PENDING (waiting in line), DIALLING (claimed by one node),
 * DONE (the caller was reached, or ops closed it; a reached one still holds its agent while its
 * {@code holding_until} runs, see {@link CallbackStore#endHolding}), FAILED (every attempt went unanswered).
 */
public enum CallbackState {
    PENDING,
    DIALLING,
    DONE,
    FAILED;

    /** Lower-case, as the CLI and exports write it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CallbackState> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code)).findFirst();
    }
}
