package hotline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Saving a request: at most one PENDING callback per number, and a keyed request stored once.
 * A second request for a number that already waits updates that row, which keeps its place in
 * line (its id) and the earlier of the two promises; a callback in an outranking line (the team
 * lead's: a complaint) outranks one in any other. One transaction: SQLite's BEGIN IMMEDIATE and PostgreSQL's advisory lock
 * on the number keep two saves for one number from both inserting.
 */
final class Saves {

    static final String BY_KEY = "SELECT " + CallbackRows.COLUMNS + " FROM callbacks WHERE request_key = ?";
    static final String PENDING_FOR_NUMBER = "SELECT " + CallbackRows.COLUMNS + " FROM callbacks "
            + "WHERE callback_number = ? AND state = 'PENDING' ORDER BY id LIMIT 1";

    private Saves() {}

    /** What the transaction did: a new row, an existing one updated, or a key seen before. */
    record Outcome(CallbackRequest saved, boolean merged) {}

    static Outcome save(Connection c, Dialect dialect, Set<CallbackQueue> outranking, NewCallback request,
                        Optional<String> key, Instant askedAt, Instant promisedBy, Instant now) throws SQLException {
        if (key.isPresent()) {
            var seen = Sql.first(Sql.query(c, BY_KEY, CallbackRows::read, key.get()));
            if (seen.isPresent()) return new Outcome(seen.get(), true);
        }
        dialect.lockNumber(c, request.number().digits());
        Optional<CallbackRequest> waiting;
        try {
            waiting = Sql.first(Sql.query(c, PENDING_FOR_NUMBER, CallbackRows::readChecked, request.number().digits()));
        } catch (IllegalArgumentException bad) { // a bad row must not turn a caller away: it is set aside
            Sql.update(c, Attempts.SET_ASIDE_PENDING_NUMBER, Fields.shown(bad.getMessage()),
                    request.number().digits());
            waiting = Optional.empty();
        }
        if (waiting.isPresent()) {
            CallbackRequest old = waiting.get();
            NewCallback merged = merge(old.request(), request, outranking);
            Instant promise = old.promisedBy().isBefore(promisedBy) ? old.promisedBy() : promisedBy;
            try (var st = c.prepareStatement(CallbackRows.MERGE)) {
                CallbackRows.bindMerge(st, old.id(), merged, promise, key);
                st.executeUpdate();
            }
            return new Outcome(new CallbackRequest(old.id(), old.createdAt(), merged.number(), merged.language(),
                    merged.reason(), promise, merged.queue(), merged.recording(), merged.caller(), old.state(),
                    old.attempts(), old.lastAttemptAt(), old.lastResult()), true);
        }
        try (var st = c.prepareStatement(CallbackRows.INSERT)) {
            CallbackRows.bindInsert(st, request, askedAt, promisedBy, now, key);
            try (var rs = st.executeQuery()) {
                rs.next();
                return new Outcome(new CallbackRequest(rs.getLong(1), askedAt, request.number(), request.language(),
                        request.reason(), promisedBy, request.queue(), request.recording(), request.caller(),
                        CallbackState.PENDING, 0, Optional.empty(), Optional.empty()), false);
            }
        }
    }

    /**
     * The waiting request updated by a newer one for the same number: the newer's language and
     * caller details; the older's line, reason and statement when only the older waits in an
     * outranking line (the team lead's); otherwise the newer's line and reason, and its recording
     * or else the older's.
     */
    static NewCallback merge(NewCallback older, NewCallback newer, Set<CallbackQueue> outranking) {
        boolean olderOutranks = outranking.contains(older.queue()) && !outranking.contains(newer.queue());
        NewCallback ranking = olderOutranks ? older : newer;
        Optional<String> recording = olderOutranks ? older.recording() : newer.recording().or(older::recording);
        return new NewCallback(newer.number(), newer.language(), ranking.reason(), ranking.queue(), recording,
                newer.caller());
    }
}
