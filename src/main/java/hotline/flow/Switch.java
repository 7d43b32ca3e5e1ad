package hotline.flow;

import java.util.Map;

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
}
