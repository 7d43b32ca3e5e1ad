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
 * @param apologiseAfter the agent is told to start with an apology (call-scripts.md §1) when
 *                  the caller's whole wait, counted from their first stay, is longer
 */
public record QueueEntry(String queue, Duration timeout, boolean keepPlace, Optional<String> whisper,
                         Optional<Duration> apologiseAfter) {

    static QueueEntry once(String queue, Duration timeout, Optional<String> whisper) {
        return new QueueEntry(queue, timeout, false, whisper, Optional.empty());
    }
}
