package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;

/** AMI events as the dialler reads them. */
class AmiSwitchboardTest {

    private static final Object SOURCE = new Object();

    private static OriginateResponseEvent response(String actionId, String response, int reason) {
        var e = new OriginateResponseEvent(SOURCE);
        e.setActionId(actionId);
        e.setResponse(response);
        e.setReason(reason);
        return e;
    }

    @Test
    void aSuccessfulOriginateResponseMeansTheCalleeAnswered() {
        assertThat(AmiSwitchboard.toDialEvent(response("hotline-callback-42-7", "Success", 4)))
                .contains(new DialEvent.Answered(42, 7));
    }

    @Test
    void aFailedOriginateResponseSaysWhyInTheStoresWords() {
        assertThat(AmiSwitchboard.toDialEvent(response("hotline-callback-42-7", "Failure", 3)))
                .contains(new DialEvent.Unanswered(42, 7, "no-answer"));
        assertThat(AmiSwitchboard.toDialEvent(response("hotline-callback-5-1", "Failure", 5)))
                .contains(new DialEvent.Unanswered(5, 1, "busy"));
        assertThat(AmiSwitchboard.toDialEvent(response("hotline-callback-5-1", "Failure", 8)))
                .contains(new DialEvent.Unanswered(5, 1, "congestion"));
        assertThat(AmiSwitchboard.toDialEvent(response("hotline-callback-5-1", "Failure", 0)))
                .contains(new DialEvent.Unanswered(5, 1, "failed"));
    }

    @Test
    void someoneElsesOriginateAndOtherEventsAreIgnored() {
        assertThat(AmiSwitchboard.toDialEvent(response("lab-robot-9", "Failure", 3))).isEmpty();
        assertThat(AmiSwitchboard.toDialEvent(response("hotline-callback-5-1-x", "Success", 4))).isEmpty();
        assertThat(AmiSwitchboard.toDialEvent(new NewChannelEvent(SOURCE))).isEmpty();
    }

    @Test
    void theDialplansUserEventsSayWhenTheCallbackIsQueuedAndWhenItEnded() {
        var queued = new HotlineCallbackQueuedEvent(SOURCE);
        queued.setCallbackId("12");
        var ended = new HotlineCallbackEndedEvent(SOURCE);
        ended.setCallbackId("12");
        var blank = new HotlineCallbackEndedEvent(SOURCE);

        assertThat(AmiSwitchboard.toDialEvent(queued)).contains(new DialEvent.Queued(12));
        assertThat(AmiSwitchboard.toDialEvent(ended)).contains(new DialEvent.Ended(12));
        assertThat(AmiSwitchboard.toDialEvent(blank)).isEmpty();
    }
}
