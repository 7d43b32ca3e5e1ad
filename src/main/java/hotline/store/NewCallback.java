package hotline.store;

import java.time.Duration;
import java.util.Optional;

/**
 * A callback the caller asked for, before it is saved: what a flow knows. The store adds
 * the id, the time, the promised reply time (from the reason) and the state.
 *
 * @param number    the number to call back
 * @param language  the language the caller chose (the agent and the callback use it)
 * @param reason    reason code; the config's {@code store.promise} maps it to a reply time
 * @param queue     whose line it waits in: the agents', the team lead's, a dialect queue …
 * @param recording the caller's name or statement as recorded, a file name relative to
 *                  Asterisk's recordings folder; empty when nothing was recorded
 * @param caller    caller ID and time waited, for the team lead
 * @param promise   the reply time the caller was promised (from their call's script snapshot);
 *                  empty: the store's {@code store.promise} for the reason
 */
public record NewCallback(CallbackNumber number, String language, String reason, CallbackQueue queue,
                          Optional<String> recording, CallerDetails caller, Optional<Duration> promise) {

    /** A request without a promise of its own: the store's {@code store.promise} applies. */
    public NewCallback(CallbackNumber number, String language, String reason, CallbackQueue queue,
                       Optional<String> recording, CallerDetails caller) {
        this(number, language, reason, queue, recording, caller, Optional.empty());
    }

    public NewCallback {
        Fields.check(number != null, "callback-number: missing");
        Fields.language(language);
        Fields.code("reason", reason);
        Fields.check(queue != null, "queue: missing (a queue of queues.conf)");
        Fields.check(recording != null, "recording: use Optional.empty() when nothing was recorded");
        recording.ifPresent(r -> Fields.fileName("recording", r));
        Fields.check(caller != null, "caller: missing");
        Fields.check(promise != null, "promise: use Optional.empty() for the store's promise");
        promise.ifPresent(p -> Fields.check(p.isPositive(), "promise: must be positive, was " + p));
    }
}
