package hotline.flow;

/** How a caller's time in a queue ended. */
public sealed interface QueueEnd {

    /** An agent took the call; the bridge has ended since. */
    record Answered(String agent) implements QueueEnd {}

    /** The caller hung up while waiting (an abandoned call, not an error). */
    record Abandoned() implements QueueEnd {}

    /** The queue gave up (Asterisk's QUEUESTATUS: TIMEOUT, FULL, JOINEMPTY ...). */
    record NotAnswered(String queueStatus) implements QueueEnd {}
}
