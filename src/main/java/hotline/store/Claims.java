package hotline.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Taking a PENDING callback to dial: one conditional UPDATE whose row count says who won, alone or
 * counted against the queue's ready agents under the queue's lock. An agent is held, on every node,
 * by a callback DIALLING for it and by an answered one whose callee still hears the intro
 * ({@code holding_until} in the future): the dialplan queues the callee only after the intro, so
 * until then the agent looks idle to Asterisk though it is spoken for.
 */
final class Claims {

    static final String NEXT_IN_LINE = "SELECT id FROM callbacks "
            + "WHERE queue = ? AND state = 'PENDING' AND due_at <= ? ORDER BY id LIMIT 1";
    /** Two index range counts (callbacks_line, callbacks_holding): DONE rows of the past are never scanned. */
    static final String AGENTS_HELD = "SELECT (SELECT count(*) FROM callbacks WHERE queue = ? AND state = 'DIALLING') "
            + "+ (SELECT count(*) FROM callbacks WHERE queue = ? AND holding_until > ?) AS n";
    private static final String CLAIM = "UPDATE callbacks SET state = 'DIALLING', claimed_at = ?, claim_renewed_at = NULL, "
            + "claimed_by = ?, attempts = attempts + 1 WHERE id = ? AND state = 'PENDING'";

    private final Sql sql;
    private final Dialect dialect;

    Claims(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /** Claims callback {@code id} for {@code by}, the attempt counted; false when it was not PENDING. */
    boolean claim(long id, Claimant by, Instant now) {
        return sql.update("claim callback " + id, CLAIM, now.toEpochMilli(), by.id(), id) == 1;
    }

    /**
     * The id of the oldest due PENDING callback of {@code queue}, claimed for {@code by}, while fewer
     * than {@code atMostHeld} callbacks of the queue hold an agent; empty when none is due or all
     * {@code atMostHeld} agents are held. The count and the claim are one transaction under the lock.
     */
    Optional<Long> claimNextWhileAgentsFree(CallbackQueue queue, Claimant by, int atMostHeld, Instant now) {
        long at = now.toEpochMilli();
        return sql.transaction("claim the next " + queue.code() + " callback", c -> {
            dialect.lockClaims(c, queue.code());
            long held = Sql.query(c, AGENTS_HELD, rs -> rs.getLong("n"), queue.code(), queue.code(), at).getFirst();
            if (held >= atMostHeld) return Optional.<Long>empty();
            var next = Sql.query(c, NEXT_IN_LINE, rs -> rs.getLong("id"), queue.code(), at);
            if (next.isEmpty()) return Optional.<Long>empty();
            return Sql.update(c, CLAIM, at, by.id(), next.getFirst()) == 1 ? Optional.of(next.getFirst()) : Optional.<Long>empty();
        });
    }
}
