package hotline.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A saved callback request, as the store holds it.
 *
 * @param id            the store's number for it; ascending ids are arrival order
 * @param createdAt     when it was saved
 * @param number        the number to call back
 * @param language      the caller's language
 * @param reason        reason code
 * @param promisedBy    the reply time promised to the caller: created-at plus the reason's promise
 * @param queue         the line it waits in
 * @param recording     file name of the caller's recorded name or statement, if any
 * @param caller        caller ID and time waited, for the team lead
 * @param state         PENDING, DIALLING, DONE or FAILED
 * @param attempts      dial attempts made so far
 * @param lastAttemptAt when the last attempt was made, if any
 * @param lastResult    how the last attempt ended ({@code no-answer}, {@code busy}, {@code reached} …)
 */
public record CallbackRequest(long id, Instant createdAt, CallbackNumber number, String language, String reason,
                              Instant promisedBy, CallbackQueue queue, Optional<String> recording,
                              CallerDetails caller, CallbackState state, int attempts,
                              Optional<Instant> lastAttemptAt, Optional<String> lastResult) {

    /** What the flow handed in. */
    public NewCallback request() {
        return new NewCallback(number, language, reason, queue, recording, caller);
    }
}
