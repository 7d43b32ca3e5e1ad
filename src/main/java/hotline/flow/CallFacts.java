package hotline.flow;

/**
 * What the network told us about a call, already cleaned of anything unsafe.
 *
 * @param dialled      the number the caller dialled (the DID), or "s"
 * @param callerNumber the caller ID number; empty when withheld
 * @param callId       the call's Asterisk unique id (the same in an agent key's session); "" when unknown
 */
public record CallFacts(String dialled, String callerNumber, String callId) {

    public CallFacts(String dialled, String callerNumber) {
        this(dialled, callerNumber, "");
    }
}
