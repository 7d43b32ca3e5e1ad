package hotline.lab;

import org.asteriskjava.manager.event.UserEvent;

/** The dialplan's h-extension UserEvent: every hotline call ends with one (extensions.conf). */
public final class HotlineCallEndedEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String outcome;
    private String robotId;
    private String agiStatus;

    public HotlineCallEndedEvent(Object source) {
        super(source);
    }

    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getRobotId() { return robotId; }
    public void setRobotId(String robotId) { this.robotId = robotId; }
    public String getAgiStatus() { return agiStatus; }
    public void setAgiStatus(String agiStatus) { this.agiStatus = agiStatus; }
}
