package hotline.flow;

/**
 * How a call ended, as ops read it in {@code HOTLINE_OUTCOME} and the journal.
 * {@link #code()} is the stable string; the dialplan and dashboards match on it.
 */
public sealed interface Outcome {

    String code();

    /** §2: silence confirmed twice, goodbye said, paused, hung up. */
    record SilentLineGoodbye() implements Outcome {
        public String code() { return "silent-line-goodbye"; }
    }

    /** §3: the line stayed too quiet or too noisy; goodbye said, paused, hung up. */
    record PoorLineGoodbye(String line) implements Outcome {
        public String code() { return line + "-line-goodbye"; }
    }

    /** Outside the opening hours ({@code hours.when-closed: goodbye}): the hours said, goodbye, paused, hung up. */
    record ClosedGoodbye() implements Outcome {
        public String code() { return "closed-goodbye"; }
    }

    /** The caller reached an agents' queue; {@code end} says how the wait ended. */
    record Queued(String queue, QueueEnd end) implements Outcome {
        public String code() { return "queued:" + queue; }
    }

    /** The queue gave up on the caller and we closed politely. */
    record QueueGaveUp(String queue, String queueStatus) implements Outcome {
        public String code() { return "queue-gave-up:" + queue; }
    }

    /**
     * §4: the caller's language has dialect queues but nobody in them is logged in, or the one
     * who was did not answer in time; polite goodbye. The code names the language.
     */
    record DialectUnavailable(String language, java.util.List<String> queues) implements Outcome {
        public String code() { return "dialect-unavailable:" + language; }
    }

    /** §4: the caller's language has no dialect queue; a goodbye that promises no colleague. */
    record NoDialectQueue(String language) implements Outcome {
        public String code() { return "dialect-no-queue:" + language; }
    }

    /** §5/§6: a callback request is stored durably and the caller was told when. */
    record CallbackBooked(String id, String reason) implements Outcome {
        public String code() { return "callback-booked:" + reason; }
    }

    /**
     * A callback was refused and the caller told so politely: {@code why} is
     * {@code number-not-allowed} (outside inbound.callbacks.allowed-prefixes) or
     * {@code rate-limited} (inbound.callbacks.max-per-caller).
     */
    record CallbackRefused(String reason, String why) implements Outcome {
        public String code() { return "callback-refused:" + why; }
    }

    /** No number could be confirmed for a callback; polite goodbye. */
    record CallbackNotTaken(String reason) implements Outcome {
        public String code() { return "callback-not-taken:" + reason; }
    }

    /** The caller hung up during {@code step} (a prompt key or a named step). */
    record CallerHungUpDuring(String step) implements Outcome {
        public String code() { return "caller-hung-up:" + step; }
    }

    /** Our fault: the dialplan sends the caller to the §8 fallback prompt. */
    record Failed(String reason) implements Outcome {
        public String code() { return "failed:" + reason; }
    }

    /**
     * Issue 11: an agent's key ran {@code script} on the caller's side; {@code ending} says how it
     * ended: {@code back} (the caller is back with the agent), {@code hangup} (a goodbye, the pause,
     * the hang-up), {@code callback} (the hold's callback capture took over).
     */
    record AgentScript(String script, String ending) implements Outcome {
        public String code() { return "agent:" + script + "-" + ending; }
    }

    /** §7: the number is on the block list (docs/operations.md#callers); one polite sentence, paused, hung up. */
    record Blocked() implements Outcome {
        public String code() { return "blocked"; }
    }

    /** Refused because the server is at its configured call limit; dialplan falls back. */
    record ServerBusy() implements Outcome {
        public String code() { return "server-busy"; }
    }
}
