package hotline.agi;

/** What happened to a callback call once placed (OriginateResponse, the dialplan's UserEvents). */
sealed interface DialEvent {

    long callbackId();

    /**
     * The callee answered (OriginateResponse Success): the callback reached its caller.
     *
     * @param attempt the attempt the Originate was for (its ActionID carries it)
     */
    record Answered(long callbackId, int attempt) implements DialEvent {}

    /**
     * Nobody answered (OriginateResponse Failure).
     *
     * @param attempt the attempt the Originate was for
     * @param why     {@code no-answer}, {@code busy}, {@code congestion}, {@code rejected}, {@code failed} …
     */
    record Unanswered(long callbackId, int attempt, String why) implements DialEvent {}

    /**
     * The callee heard the intro and Asterisk counts it waiting in the queue (UserEvent
     * HotlineCallbackQueued from Queue()'s B() gosub, sent again before each round of ringing).
     */
    record Queued(long callbackId) implements DialEvent {}

    /** The callback's call ended (UserEvent HotlineCallbackEnded from the h extension). */
    record Ended(long callbackId) implements DialEvent {}

    /**
     * The Asterisk originate reason (AST_CONTROL_*) as an attempt result code: 3 ringing
     * until the timeout, 5 busy, 8 congestion, 1 hung up before answering, 0 the channel
     * could not be created or failed.
     */
    static String why(int reason) {
        return switch (reason) {
            case 3 -> "no-answer";
            case 5 -> "busy";
            case 8 -> "congestion";
            case 1 -> "rejected";
            case 0 -> "failed";
            default -> "reason-" + reason;
        };
    }
}
