package hotline.agi;

import org.asteriskjava.manager.event.UserEvent;

/**
 * UserEvent HotlineCallbackEnded from the {@code [hotline-callback]} dialplan (extensions.conf).
 * Public with setters because Asterisk-Java fills it by reflection.
 */
public final class HotlineCallbackEndedEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String callbackId;

    public HotlineCallbackEndedEvent(Object source) {
        super(source);
    }

    public String getCallbackId() { return callbackId; }
    public void setCallbackId(String callbackId) { this.callbackId = callbackId; }
}
