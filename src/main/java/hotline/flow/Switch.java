package hotline.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The switch the call is on: Asterisk's queues and agents, and the end of the call. Half of the
 * {@link Caller} port; every method may throw {@link CallerHungUp}.
 */
public interface Switch {

    /** How many members of an Asterisk queue are logged in right now. */
    int membersLoggedIn(String queue);

    /** Puts the caller in an Asterisk queue with music on hold until the entry ends. */
    QueueEnd enqueue(QueueEntry entry);

    /** Details the answering agent sees on their channel (inherited variables HOTLINE_*). */
    void tellAgents(Map<String, String> details);

    /** Ends the call (a flow says goodbye and pauses first). */
    void hangUp();

    // ---- the agent's keys (issue 11): each key press is a new AGI session on the caller's channel,
    // so what one press must know of the last is kept on the call itself.

    /** A note kept on the call (the channel variable HOTLINE_{@code name}); empty when none. */
    default Optional<String> note(String name) {
        return Optional.empty();
    }

    /** Keeps a note on the call, for the next key press or the call's own session to read. */
    default void keepNote(String name, String value) {}

    /** Raises the volume towards the caller for the rest of the call (a factor, 2 = twice as loud). */
    default void louder(int factor) {}

    /**
     * Music on hold for the caller until the note {@code name} is set (the agent takes the call
     * back) or {@code atMost} passed; true when taken back. The note is cleared first.
     */
    default boolean holdUntilNote(String name, Duration atMost) {
        return false;
    }

    /** Tells the team lead (an AMI UserEvent named {@code event}, journalled). */
    default void alert(String event, Map<String, String> details) {}

    /**
     * Ends the agent's leg of the bridge (their channel, as DYNAMIC_WHO_ACTIVATED named it): the
     * caller stays, and the call's own session goes on from its Queue (escalate, dialect).
     */
    default void releaseAgent(String agentChannel) {}
}
