package hotline.flow;

import java.time.Instant;
import java.util.List;

/**
 * What the per-caller callback limit counts: requests under a key ({@code caller:<digits>},
 * {@code number:<digits>}) within a window. In memory on one node, or in the store, which every
 * node on one PostgreSQL shares (docs/callbacks.md#limits-against-abuse).
 */
public interface RequestCounts {

    /** Requests counted under {@code key} after {@code since}. */
    int since(String key, Instant since);

    /**
     * Counts one request at {@code at} under every key, unless one of them already has
     * {@code max} or more after {@code since}: then nothing is counted and the answer is false.
     * Requests from before {@code since} may be forgotten.
     */
    boolean admit(List<String> keys, Instant at, Instant since, int max);

    /** This node's memory: a restart forgets, two nodes count apart. */
    static RequestCounts inMemory() {
        return new MemoryRequestCounts();
    }
}
