package hotline.store;

import hotline.config.Durations;
import hotline.config.Store;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DIALLING callback's way out. The attempt was counted when it was claimed, so whatever
 * happens to the dialler afterwards (SIGKILL, a lost AMI connection, an answer that never came)
 * the callback ends DONE or back in line with that attempt counted, never dialled again as the
 * same attempt. Every change names the attempt it is about: a late answer to attempt 2 cannot
 * touch attempt 3.
 */
final class Attempts {

    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    /** Back in line (or FAILED when it was the last attempt), due after retry-after; which rows: appended. */
    private static final String BACK_IN_LINE = "UPDATE callbacks SET "
            + "state = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'PENDING' END, due_at = ?, "
            + "last_attempt_at = COALESCE(claimed_at, ?), last_result = ?, claimed_at = NULL, claim_renewed_at = NULL, claimed_by = NULL ";
    static final String SET_ASIDE_PENDING_NUMBER = "UPDATE callbacks SET state = 'FAILED', last_result = 'set-aside', "
            + "set_aside = ? WHERE callback_number = ? AND state = 'PENDING'";

    private final Sql sql;
    private final Store config;

    Attempts(Sql sql, Store config) {
        this.sql = sql;
        this.config = config;
    }

    /**
     * Reached: DONE, also when the answer comes after the dialler gave up waiting for it (the row is
     * then back in line under the same attempt, or FAILED). Not reached: back in line or FAILED.
     * Returns the number of rows changed (0 when the attempt is not the callback's current one).
     */
    int record(long id, int attempt, AttemptResult result, Instant now) {
        return switch (result) {
            case AttemptResult.Reached r -> sql.update("record attempt " + attempt + " on callback " + id,
                    "UPDATE callbacks SET state = 'DONE', last_attempt_at = ?, last_result = ?, claimed_at = NULL, "
                            + "claimed_by = NULL, holding_until = " + (r.holdsAgentFor().isZero() ? "NULL" : "?")
                            + " WHERE id = ? AND attempts = ? AND set_aside IS NULL "
                            + "AND (state = 'DIALLING' OR (state IN ('PENDING', 'FAILED') AND last_result IN (?, ?)))",
                    reachedArgs(r, now, id, attempt));
            case AttemptResult.NotReached n -> sql.update("record attempt " + attempt + " on callback " + id,
                    BACK_IN_LINE + "WHERE id = ? AND attempts = ? AND state = 'DIALLING'",
                    config.maxAttempts(), due(now), now.toEpochMilli(), n.code(), id, attempt);
        };
    }

    private static Object[] reachedArgs(AttemptResult.Reached r, Instant now, long id, int attempt) {
        var args = new java.util.ArrayList<Object>(List.of(now.toEpochMilli(), r.code()));
        if (!r.holdsAgentFor().isZero()) args.add(now.plus(r.holdsAgentFor()).toEpochMilli());
        args.addAll(List.of(id, attempt, AttemptResult.NO_RESPONSE, AttemptResult.INTERRUPTED));
        return args.toArray();
    }

    /** The answered callee is in the queue, or hung up: the agent it held is free (0 when it held none). */
    int endHolding(long id) {
        return sql.update("end the hold of callback " + id,
                "UPDATE callbacks SET holding_until = NULL WHERE id = ? AND holding_until IS NOT NULL", id);
    }

    /** The hold ends at {@code at} instead, if it would have ended later (0 when it held none, or ends sooner). */
    int endHolding(long id, java.time.Instant at) {
        return sql.update("end the hold of callback " + id + " at " + at,
                "UPDATE callbacks SET holding_until = ? WHERE id = ? AND holding_until > ?", at.toEpochMilli(), id,
                at.toEpochMilli());
    }

    /** The call was certainly not placed (AMI was not connected): PENDING again, the attempt not counted. */
    int unplaced(long id, int attempt) {
        return sql.update("put back callback " + id, "UPDATE callbacks SET state = 'PENDING', attempts = attempts - 1, "
                + "claimed_at = NULL, claimed_by = NULL WHERE id = ? AND attempts = ? AND state = 'DIALLING'", id, attempt);
    }

    /** DIALLING rows neither claimed nor renewed within claim-timeout, from any node: their node is gone. */
    int releaseStale(Instant now) {
        long before = now.minus(config.claimTimeout()).toEpochMilli();
        int released = sql.update("release stale claims", BACK_IN_LINE
                        + "WHERE state = 'DIALLING' AND COALESCE(claim_renewed_at, claimed_at) < ?",
                config.maxAttempts(), due(now), now.toEpochMilli(), AttemptResult.INTERRUPTED, before);
        if (released > 0) {
            log.warn("{} callback(s) DIALLING for over {} put back in line, the attempt counted", released,
                    Durations.format(config.claimTimeout()));
        }
        return released;
    }

    /**
     * The dialler's heartbeat: {@code by} still dials these callbacks (id → attempt), so their lease
     * runs from now. Returns the ids {@code by} still holds at that attempt; one missing was released
     * as stale (its lease ran out while this node could not reach the database) and is no longer its own.
     */
    Set<Long> renew(Claimant by, Map<Long, Integer> attemptsById, Instant now) {
        var held = new HashSet<Long>();
        attemptsById.forEach((id, attempt) -> {
            if (sql.update("renew the claim on callback " + id, "UPDATE callbacks SET claim_renewed_at = ? "
                    + "WHERE id = ? AND attempts = ? AND state = 'DIALLING' AND claimed_by = ?",
                    now.toEpochMilli(), id, attempt, by.id()) == 1) {
                held.add(id);
            }
        });
        return held;
    }

    /** DIALLING rows held by an earlier process of {@code me}'s node (it was killed mid-dial). */
    int releaseEarlierRuns(Claimant me, Instant now) {
        String prefix = me.node() + "/";
        int released = sql.update("release claims of earlier runs", BACK_IN_LINE
                        + "WHERE state = 'DIALLING' AND substr(claimed_by, 1, ?) = ? AND claimed_by <> ?",
                config.maxAttempts(), due(now), now.toEpochMilli(), AttemptResult.INTERRUPTED,
                prefix.length(), prefix, me.id());
        if (released > 0) {
            log.warn("{} callback(s) left DIALLING by an earlier run of node {} put back in line, the attempt counted",
                    released, me.node());
        }
        return released;
    }

    int setAside(long id, String why) {
        int changed = sql.update("set callback " + id + " aside", "UPDATE callbacks SET state = 'FAILED', "
                        + "last_result = 'set-aside', set_aside = ?, claimed_at = NULL, claimed_by = NULL "
                        + "WHERE id = ? AND state IN ('PENDING', 'DIALLING')", Fields.shown(why, 200), id);
        if (changed > 0) log.warn("callback {} set aside, it cannot be dialled: {}", id, Fields.shown(why, 200));
        return changed;
    }

    List<SetAside> listSetAside() {
        return sql.query("list set-aside callbacks", "SELECT id, created_at, set_aside FROM callbacks "
                + "WHERE set_aside IS NOT NULL ORDER BY id", rs -> new SetAside(rs.getLong(1),
                Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
    }

    private long due(Instant now) {
        return now.plus(config.retryAfter()).toEpochMilli();
    }
}
