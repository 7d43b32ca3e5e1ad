package hotline.store;

import hotline.config.Store;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The callbacks promised to callers (call-scripts.md §5-§6). No request is ever lost:
 * {@link #save} returns only once the row is committed durably, so a flow says "we have
 * your number" only after it returned. Callbacks keep their place in line: ascending ids
 * are arrival order, and a retried callback is ahead of later ones once it is due again.
 * Safe to share between threads; several nodes may share one PostgreSQL database.
 */
public interface CallbackStore extends AutoCloseable {

    /**
     * Opens the store the config names (a pool of up to 4 connections), checks that commits
     * are durable there, and brings the schema up to date (Flyway). Throws {@link StoreException}
     * when the database cannot be reached.
     */
    static CallbackStore open(Store config, Clock clock) {
        return JdbcCallbackStore.open(config, clock);
    }

    /**
     * Saves a new request as PENDING and returns it with its id, time and promised reply
     * time. Returns only after the commit is durable (SQLite synchronous=FULL in WAL mode;
     * PostgreSQL synchronous_commit). Throws {@link StoreException} when it could not be
     * stored and {@link IllegalArgumentException} for a reason the config has no promise for.
     */
    CallbackRequest save(NewCallback request);

    /** The callback to dial next in {@code queue}: the oldest PENDING one that is due. */
    Optional<CallbackRequest> nextInLine(CallbackQueue queue);

    /**
     * Atomically moves the callback from PENDING to DIALLING for this caller only; empty
     * when it is not PENDING (another node claimed it first, or it is done).
     */
    Optional<CallbackRequest> claim(long id);

    /** {@link #nextInLine} then {@link #claim}, again while another node wins the race. */
    Optional<CallbackRequest> claimNext(CallbackQueue queue);

    /**
     * Records how a DIALLING callback's call ended: reached → DONE; not reached → back to
     * PENDING, due again after retry-after, or FAILED after max-attempts. Throws
     * {@link IllegalStateException} when the callback is not DIALLING.
     */
    CallbackRequest recordAttempt(long id, AttemptResult result);

    /** Closes a callback by hand (ops, or an agent who handled it); empty for an unknown id. */
    Optional<CallbackRequest> markDone(long id);

    /**
     * Puts back in line every callback DIALLING for longer than claim-timeout (its node
     * died mid-call); returns how many. Run it now and then from any node.
     */
    int releaseStaleClaims();

    Optional<CallbackRequest> find(long id);

    /** Matching callbacks in arrival order. */
    List<CallbackRequest> list(CallbackFilter filter);

    /** Writes the matching callbacks as CSV or JSON (docs/callbacks.md#export). */
    default void export(CallbackFilter filter, ExportFormat format, Writer out) {
        CallbackExport.write(list(filter), format, out);
    }

    /** "sqlite data/hotline.db" or "postgresql //host:5432/db", for logs. */
    String describe();

    /** Closes the connection pool; the store cannot be used afterwards. */
    @Override
    void close();
}
