package hotline.flow;

import java.util.Locale;

/**
 * The notes the agent's keys keep on the call (channel variables HOTLINE_*, {@link Switch#note}):
 * each key press is a new AGI session on the caller's channel, so a second press, the hold and
 * the call's own session learn from them what happened before.
 */
final class AgentNotes {

    /** The caller's language, set by asterisk-conf's [agent-key] from CHANNEL(language). */
    static final String LANGUAGE = "KEY_LANGUAGE";
    /** The agent's channel that pressed the key (DYNAMIC_WHO_ACTIVATED), set by [agent-key]. */
    static final String AGENT = "KEY_AGENT";
    /** The queue the agent answered from (QUEUENAME, queues.conf setqueuevar), set by [agent-key]. */
    static final String QUEUE = "KEY_QUEUE";
    /** The last key pressed: "script code press n", for the journal and the team lead. */
    static final String LAST_KEY = "AGENT_KEY";
    /** "script:ending", kept before a key's script hangs up, for the call's own session to report. */
    static final String ENDED = "AGENT_ENDED";
    /** A script the call's own session carries out once the agent's leg is gone (escalate, dialect). */
    static final String NEXT = "AGENT_NEXT";
    /** Set by the agent's hold-back key (features.conf, on the agent's side) to end a hold. */
    static final String HOLD_BACK = "HOLD_BACK";
    /** Epoch seconds of the caller's first stay in the queue (AgiQueues' __HOTLINE_WAIT_STARTED). */
    static final String WAIT_STARTED = "WAIT_STARTED";

    private AgentNotes() {}

    /** How often this script's key was pressed on this call before. */
    static String count(String script) {
        return "AGENT_" + script.toUpperCase(Locale.ROOT).replace('-', '_') + "_COUNT";
    }

    static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
