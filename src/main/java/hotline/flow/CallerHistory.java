package hotline.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the hotline remembers of callers (docs/operations.md#callers): their recent calls (§1,
 * repeat callers), abuse reports (§7) and the block list. Caller numbers are caller ID digits; a
 * withheld number ("") has no history and is never blocked. No method throws because the store
 * failed: a call goes on as a first call from an unblocked number, which is what it was before.
 */
public interface CallerHistory {

    /** Remembers nothing, blocks nobody (tests of the script, the simulator). */
    CallerHistory NONE = new CallerHistory() {
        @Override public Arrival arrived(String number, Instant at, Duration within) { return Arrival.FIRST_CALL; }
        @Override public int report(AbuseReport report, Instant countSince, Instant forgetBefore) { return 0; }
        @Override public void block(String number, Instant at, Instant until, String why) {}
    };

    /**
     * A call from {@code number} arrived at {@code at}: blocked, or what came before it within
     * {@code within}. The call is remembered (and calls older than {@code within} forgotten);
     * {@code within} zero remembers nothing and forgets every call.
     */
    Arrival arrived(String number, Instant at, Duration within);

    /**
     * Stores an abuse report and forgets those made before {@code forgetBefore}; how many reports
     * of its number were made since {@code countSince}, this one counted.
     */
    int report(AbuseReport report, Instant countSince, Instant forgetBefore);

    /** Puts {@code number} on the block list from {@code at} until {@code until}. */
    void block(String number, Instant at, Instant until, String why);

    /** What is known of a caller when their call arrives. */
    sealed interface Arrival {
        /** No earlier call, no callback pending (or the store could not say). */
        Seen FIRST_CALL = new Seen(Optional.empty(), false);

        /** On the block list: one polite sentence, the pause, the hang-up. */
        record Blocked() implements Arrival {}

        /** @param lastCall the caller's previous call within the window; callbackPending a callback not yet made */
        record Seen(Optional<Instant> lastCall, boolean callbackPending) implements Arrival {
            public boolean repeat() {
                return lastCall.isPresent() || callbackPending;
            }
        }
    }

    /**
     * The agent's abusive key, pressed the second time (§7: reported to the team lead).
     *
     * @param callerNumber caller ID digits, "" when withheld
     * @param callId       the call's Asterisk unique id
     * @param agent        the agent's channel that pressed the key
     * @param queue        the queue the agent answered from
     */
    record AbuseReport(String callerNumber, String callId, Instant at, String agent, String queue) {}
}
