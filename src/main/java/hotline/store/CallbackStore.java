package hotline.store;

import hotline.config.Store;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return open(config, clock, Set.of());
    }

    /**
     * As {@link #open(Store, Clock)}, where a waiting callback in one of the {@code outranking}
     * lines (the team lead's, {@code inbound.complaint.queue}) keeps its line, reason and statement
     * when its number asks again for any other line.
     */
    static CallbackStore open(Store config, Clock clock, Set<CallbackQueue> outranking) {
        return JdbcCallbackStore.open(config, clock, outranking);
    }

    /**
     * Saves a new request as PENDING and returns it with its id, time and promised reply
     * time. Returns only after the commit is durable (SQLite synchronous=FULL in WAL mode;
     * PostgreSQL synchronous_commit). Throws {@link StoreException} when it could not be
     * stored and {@link IllegalArgumentException} for a reason the config has no promise for.
     */
    CallbackRequest save(NewCallback request);

    /**
     * As {@link #save(NewCallback)}, for a request asked at {@code askedAt} (its promise counts
     * from then) under a key: the same key saved again (a spooled request replayed twice) returns
     * the row saved the first time and changes nothing. A number that already has a PENDING
     * callback gets no second one: that row takes the new details, keeps its place in line and the
     * earlier promise, and is returned.
     */
    CallbackRequest save(NewCallback request, Optional<String> requestKey, Instant askedAt);

    /**
     * The callback to dial next in {@code queue}: the oldest PENDING one that is due. A row that
     * cannot be dialled as stored (a 2-digit number, a control character in a field) is set
     * aside on the way and the next one is returned.
     */
    Optional<CallbackRequest> nextInLine(CallbackQueue queue);

    /**
     * Atomically moves the callback from PENDING to DIALLING for {@code by} only and counts the
     * attempt; empty when it is not PENDING (another node claimed it first, or it is done).
     */
    Optional<CallbackRequest> claim(long id, Claimant by);

    /** {@link #claim(long, Claimant)} for this store's own claimant (tests, ops). */
    Optional<CallbackRequest> claim(long id);

    /** {@link #nextInLine} then {@link #claim}, again while another node wins the race. */
    Optional<CallbackRequest> claimNext(CallbackQueue queue, Claimant by);

    /**
     * {@link #claimNext(CallbackQueue, Claimant)}, but only while fewer than {@code atMostDialling}
     * callbacks of {@code queue} hold an agent on any node (the dialler passes the ready agents):
     * DIALLING ones, and answered ones whose callee still hears the intro (their hold, from
     * {@link AttemptResult#reachedHolding}, neither ended by {@link #endHolding} nor run out).
     */
    Optional<CallbackRequest> claimNext(CallbackQueue queue, Claimant by, int atMostDialling);

    /** {@link #claimNext(CallbackQueue, Claimant)} for this store's own claimant. */
    Optional<CallbackRequest> claimNext(CallbackQueue queue);

    /**
     * Records how attempt {@code attempt} (counted when it was claimed) ended: reached → DONE (holding
     * its agent for as long as the result says);
     * not reached → back to PENDING, due again after retry-after, or FAILED after max-attempts.
     * A reached that comes after the attempt was closed as {@code no-response} or
     * {@code interrupted} still makes it DONE. Throws {@link IllegalStateException} when the
     * callback is not at that attempt.
     */
    CallbackRequest recordAttempt(long id, int attempt, AttemptResult result);

    /** {@link #recordAttempt(long, int, AttemptResult)} for the callback's current attempt. */
    default CallbackRequest recordAttempt(long id, AttemptResult result) {
        int attempt = find(id).orElseThrow(() -> new IllegalArgumentException("no callback " + id)).attempts();
        return recordAttempt(id, attempt, result);
    }

    /**
     * The answered callee of this callback entered the queue or hung up (any node may report it): the
     * agent it held is free again. False when it held none (never, no longer, or the hold ran out).
     */
    boolean endHolding(long id);

    /**
     * As {@link #endHolding}, {@code after} from now rather than at once (never later than the hold
     * would have ended): the callee is in the queue and Asterisk is connecting the agent, whose
     * device state shows it busy only a few milliseconds later. False when it held none, or ends
     * sooner already.
     */
    boolean endHolding(long id, Duration after);

    /** The call of this attempt was certainly not placed: PENDING again, the attempt not counted. */
    boolean putBackUnplaced(long id, int attempt);

    /** Takes a PENDING or DIALLING callback out of line for good (FAILED, {@code set-aside}) with the reason. */
    boolean setAside(long id, String why);

    /** Every callback set aside, in arrival order, with the reason. */
    List<SetAside> listSetAside();

    /** Closes a callback by hand (ops, or an agent who handled it); empty for an unknown id. */
    Optional<CallbackRequest> markDone(long id);

    /**
     * Puts back in line every callback DIALLING whose claim was neither taken nor renewed within
     * claim-timeout (its node died mid-call), the attempt counted; returns how many. Run it now and then from any node.
     */
    int releaseStaleClaims();

    /**
     * The lease of a claim ({@code store.claim-timeout}): a DIALLING callback whose claim was neither
     * taken nor renewed within it goes back in line at the next {@link #releaseStaleClaims}.
     */
    Duration claimLease();

    /**
     * The dialler's heartbeat while calls ring: renews {@code by}'s claims on these callbacks
     * (id → the attempt it dials) and returns the ids it still holds at that attempt. An id missing
     * was released as stale meanwhile (the node could not reach the database for a whole lease) and
     * may be another node's now: the dialler stops counting it as its own.
     */
    Set<Long> renewClaims(Claimant by, Map<Long, Integer> attemptsById);

    /**
     * Who arrived first in each queue, shared by every node on this database: present on PostgreSQL
     * (several nodes), empty on SQLite (one node keeps places in line in memory).
     */
    default Optional<QueueArrivals> sharedQueueArrivals() {
        return Optional.empty();
    }

    /**
     * Puts back in line, the attempt counted, every callback DIALLING under {@code me}'s node
     * and another process's token: an earlier run of this server was killed mid-dial. Run it
     * when the dialler starts.
     */
    int releaseEarlierRuns(Claimant me);

    /**
     * Callbacks put back in line as {@code interrupted} (their node died or stopped mid-dial) and not
     * dialled since: PENDING, or FAILED with their last attempt begun within a day; oldest first, at
     * most 1000. The dialler asks Asterisk whether the callee answered meanwhile.
     */
    List<CallbackRequest> interrupted();

    Optional<CallbackRequest> find(long id);

    /** Matching callbacks in arrival order; a row that cannot be read is left out with a warning. */
    List<CallbackRequest> list(CallbackFilter filter);

    /** How many callbacks are in each state (every state present, 0 when none): one query. */
    java.util.Map<CallbackState, Long> countByState();

    /** Writes the matching callbacks as CSV or JSON (docs/callbacks.md#export). */
    default void export(CallbackFilter filter, ExportFormat format, Writer out) {
        CallbackExport.write(list(filter), format, out);
    }

    /** What the same database keeps of callers: recent calls, abuse reports, the block list. */
    CallerRecords callers();

    /** Which script version each node on this database runs. */
    NodeVersions nodes();

    /** "sqlite data/hotline.db" or "postgresql //host:5432/db", for logs. */
    String describe();

    /** Closes the connection pool; the store cannot be used afterwards. */
    @Override
    void close();
}
