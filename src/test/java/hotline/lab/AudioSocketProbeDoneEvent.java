package hotline.lab;

import org.asteriskjava.manager.event.UserEvent;

/** The [audiosocket-probe] context's UserEvent: AudioSocket() returned and the dialplan went on. */
public final class AudioSocketProbeDoneEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String uuid;
    private String robotId;
    private String status;

    public AudioSocketProbeDoneEvent(Object source) {
        super(source);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getRobotId() { return robotId; }
    public void setRobotId(String robotId) { this.robotId = robotId; }
    /** TRYSTATUS of AudioSocket(): SUCCESS when our hangup frame ended it, FAILED after 2 s without audio. */
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
