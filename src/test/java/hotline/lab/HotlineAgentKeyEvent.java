package hotline.lab;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The [agent-key] routine's UserEvent, sent on the caller's channel after each agent key's session
 * (extensions.conf): the caller is back in the bridge, or the script ended the call.
 */
public final class HotlineAgentKeyEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String script;
    private String outcome;
    private String robotId;

    public HotlineAgentKeyEvent(Object source) {
        super(source);
    }

    public String getScript() { return script; }
    public void setScript(String script) { this.script = script; }
    /** HOTLINE_OUTCOME the key's session set, e.g. agent:louder-back. */
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getRobotId() { return robotId; }
    public void setRobotId(String robotId) { this.robotId = robotId; }
}
