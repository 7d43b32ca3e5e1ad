package hotline.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * One stay in an Asterisk queue.
 *
 * @param queue     the queue
 * @param timeout   when the stay ends if nobody answered (QUEUESTATUS TIMEOUT)
 * @param keepPlace re-enter at the caller's place in line (arrival order), not at the end
 * @param whisper   a dialplan context run on the answering member's channel before the bridge
 * @param apology   said to the caller just before an agent is rung, if by then they have
 *                  waited longer than its threshold (call-scripts.md §1)
 */
public record QueueEntry(String queue, Duration timeout, boolean keepPlace, Optional<String> whisper,
                         Optional<Apology> apology) {

    /**
     * "Sorry, the line was busy and you had to wait" (§1), due once the caller's whole wait
     * passes {@code after}; {@code waitedBefore} is how long they had waited before this stay.
     */
    public record Apology(String prompt, Duration after, Duration waitedBefore) {}

    static QueueEntry waitingFor(String queue, Duration timeout, Optional<Apology> apology) {
        return new QueueEntry(queue, timeout, true, Optional.empty(), apology);
    }

    static QueueEntry once(String queue, Duration timeout, Optional<String> whisper) {
        return new QueueEntry(queue, timeout, false, whisper, Optional.empty());
    }
}
