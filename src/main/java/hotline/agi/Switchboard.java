package hotline.agi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
     * later at the listener given to {@link #onEvent}, under the placement's callback id and
     * attempt. Throws {@link NotPlaced} when the call was certainly not placed (not connected,
     * or Asterisk refused the action) and {@link OutcomeUnknown} when it may have been (the
     * action was sent and its response did not come in time).
     */
    void originate(Placement placement);

    /**
     * The attempt the dialplan marked answered under {@code mark} ({@link AnsweredUnheard#markOf}):
     * {@code [hotline-callback]} writes {@code DB(hotline-callback/<mark>)} the moment the callee
     * answers, so an answer no node heard (its node was down) is still known. Empty when there is no mark.
     */
    Optional<Integer> answeredAttempt(String mark);

    /** Where the answers to {@link #originate} and the dialplan's callback events go. */
    void onEvent(Consumer<DialEvent> listener);

    @Override
    void close();

    /** A queue as the dialler sees it. */
    record Line(int ready, int waiting) {}

    /**
     * One call placed back. Nothing with a control character (CR, LF, NUL …) or outside
     * printable ASCII gets this far: an AMI header ends at CR LF, so such a value could add
     * headers or actions of its own. {@link IllegalArgumentException} names the field.
     *
     * @param callbackId the store's id, carried as HOTLINE_CALLBACK_ID and in the events
     * @param attempt    the attempt (counted at the claim), carried in the ActionID
     * @param channel    the dial string, e.g. {@code PJSIP/5550100@trunk}
     * @param ringFor    how long the callee's phone may ring
     * @param variables  channel variables for the {@code [hotline-callback]} dialplan
     */
    record Placement(long callbackId, int attempt, String channel, Duration ringFor, Map<String, String> variables) {
        public Placement {
            variables = Map.copyOf(variables);
            AmiText.requireSafe("channel", channel);
            variables.forEach((name, value) -> {
                AmiText.requireSafe("variable name", name);
                if (name.contains("=")) throw new IllegalArgumentException("variable name: '" + name + "' contains '='");
                AmiText.requireSafe(name, value);
            });
        }
    }

    /** Asterisk is not reachable or refused an action. */
    class SwitchboardException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SwitchboardException(String message, Throwable cause) {
            super(message, cause);
        }

        SwitchboardException(String message) {
            super(message);
        }
    }

    /** The Originate certainly did not go out (not connected) or Asterisk refused it. */
    final class NotPlaced extends SwitchboardException {
        private static final long serialVersionUID = 1L;
        /** Asterisk answered the action with an error (it is not a connection problem). */
        final boolean refused;

        NotPlaced(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }
    }

    /** The Originate was sent, its response did not come in time: the call may be ringing. */
    final class OutcomeUnknown extends SwitchboardException {
        private static final long serialVersionUID = 1L;

        OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
