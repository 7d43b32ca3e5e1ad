package hotline.agi;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the callback dialler needs from Asterisk: the state of a queue and a way to place a
 * call. {@link AmiSwitchboard} does it over AMI; tests use a fake. Every method throws
 * {@link SwitchboardException} when Asterisk cannot be reached.
 */
interface Switchboard extends AutoCloseable {

    /** Logs in when not connected; returns at once when connected. */
    void connect();

    /** Members ready to take a call now, and callers waiting, in Asterisk queue {@code queue}. */
    Line line(String queue);

    /**
     * Places the call without waiting for it (AMI Originate, Async): how it went arrives
     * later at the listener given to {@link #onEvent}, under the placement's callback id.
     */
    void originate(Placement placement);

    /** Where the answers to {@link #originate} and the dialplan's callback events go. */
    void onEvent(Consumer<DialEvent> listener);

    @Override
    void close();

    /** A queue as the dialler sees it. */
    record Line(int ready, int waiting) {}

    /**
     * One call placed back.
     *
     * @param callbackId the store's id, carried as HOTLINE_CALLBACK_ID and in the events
     * @param channel    the dial string, e.g. {@code PJSIP/5550100@trunk}
     * @param ringFor    how long the callee's phone may ring
     * @param variables  channel variables for the {@code [hotline-callback]} dialplan
     */
    record Placement(long callbackId, String channel, Duration ringFor, Map<String, String> variables) {
        public Placement {
            variables = Map.copyOf(variables);
        }
    }

    /** Asterisk is not reachable or refused an action. */
    final class SwitchboardException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SwitchboardException(String message, Throwable cause) {
            super(message, cause);
        }

        SwitchboardException(String message) {
            super(message);
        }
    }
}
