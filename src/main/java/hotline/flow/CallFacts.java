package hotline.flow;

/**
 * What the network told us about a call, already cleaned of anything unsafe.
 *
 * @param dialled      the number the caller dialled (the DID), or "s"
 * @param callerNumber the caller ID number; empty when withheld
 */
public record CallFacts(String dialled, String callerNumber) {}
