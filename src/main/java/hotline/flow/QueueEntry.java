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
 */
public record QueueEntry(String queue, Duration timeout, boolean keepPlace, Optional<String> whisper) {

    static QueueEntry waitingFor(String queue, Duration timeout) {
        return new QueueEntry(queue, timeout, true, Optional.empty());
    }
}
