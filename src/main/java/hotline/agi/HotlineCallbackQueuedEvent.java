package hotline.agi;

import org.asteriskjava.manager.event.UserEvent;

/**
 * UserEvent HotlineCallbackQueued, sent by {@code [hotline-callback-queued]} (extensions.conf), the
 * B() gosub of the callback's Queue(): the callee is then in the queue, counted as waiting.
 * Public with setters because Asterisk-Java fills it by reflection.
 */
public final class HotlineCallbackQueuedEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String callbackId;
    private String waiting;

    public HotlineCallbackQueuedEvent(Object source) {
        super(source);
    }

    public String getCallbackId() { return callbackId; }
    public void setCallbackId(String callbackId) { this.callbackId = callbackId; }
    /** QUEUE_WAITING_COUNT of the callback's queue when the event was sent (text from the dialplan). */
    public String getWaiting() { return waiting; }
    public void setWaiting(String waiting) { this.waiting = waiting; }
}
