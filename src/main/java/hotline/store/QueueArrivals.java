package hotline.store;

import java.time.Instant;
import java.util.Collection;

/**
 * Who arrived first in each queue, shared by every node on one database (docs/operations.md#several-nodes):
 * a caller's place in line counts the callers of every node who arrived before them and whose
 * node is alive (its lease on the row holds). Throws {@link StoreException} when the database fails;
 * the caller of this interface decides what a live call does then.
 */
public interface QueueArrivals {

    /**
     * Records that {@code callId} (served by {@code node}) arrived in {@code queue} at {@code arrivedAt}
     * unless it already had, renews its lease to {@code leaseUntil}, and returns its place: 1 + the
     * callers of that queue who arrived before it and whose lease holds at {@code now}.
     */
    int placeFor(String queue, String callId, String node, Instant arrivedAt, Instant now, Instant leaseUntil);

    /** The call left {@code queue} (an agent answered it). */
    void leave(String queue, String callId);

    /** The call ended: it holds no place in any queue. */
    void leaveAll(String callId);

    /** Renews the lease of {@code node}'s rows for these calls (the ones still live); returns how many. */
    int renew(String node, Collection<String> callIds, Instant leaseUntil);

    /** Deletes the rows whose lease ran out before {@code now} (their node died); returns how many. */
    int forgetExpired(Instant now);
}
