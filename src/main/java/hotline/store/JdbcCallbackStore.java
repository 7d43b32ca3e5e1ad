package hotline.store;

import hotline.config.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallbackStore} on SQLite or PostgreSQL through plain JDBC and a small HikariCP pool
 * (a new PostgreSQL connection costs a backend process: tens of milliseconds per operation
 * without the pool). Every state change is one conditional UPDATE whose row count says who
 * won, so it is atomic on both.
 */
final class JdbcCallbackStore implements CallbackStore {

    /** How long after its last attempt began a FAILED interrupted callback is still asked about. */
    static final java.time.Duration INTERRUPTED_ASKED_FOR = java.time.Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(JdbcCallbackStore.class);
    /** claimNext gives up after this many lost races or set-aside rows in a row. */
    private static final int CLAIM_RACES = 50;
    private final Store config;
    private final Clock clock;
    private final Dialect dialect;
    private final Sql sql;
    private final Attempts attempts;
    private final Claims claims;
    private final CallerRecords callers;
    /** Who claims through {@link #claim(long)} and {@link #claimNext(CallbackQueue)}: this store. */
    private final Claimant self = Claimant.of("store");

    private final Set<CallbackQueue> outranking;

    private JdbcCallbackStore(Store config, Clock clock, Dialect dialect, Sql sql, Set<CallbackQueue> outranking) {
        this.config = config;
        this.outranking = Set.copyOf(outranking);
        this.clock = clock;
        this.dialect = dialect;
        this.sql = sql;
        this.attempts = new Attempts(sql, config);
        this.claims = new Claims(sql, dialect);
        this.callers = new JdbcCallerRecords(sql, dialect);
    }

    static JdbcCallbackStore open(Store config, Clock clock, Set<CallbackQueue> outranking) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        var store = new JdbcCallbackStore(config, clock, dialect,
                new Sql(Sql.pool(dialect.dataSource(config), config), describe(config.jdbcUrl()),
                        dialect instanceof Dialect.Sqlite ? Optional.of(config.timeout()) : Optional.empty()),
                outranking);
        try {
            store.sql.run("check durability", c -> {
                dialect.checkDurable(c, store.describe());
                return null;
            });
            int applied = Migrations.migrate(store.sql.ds, dialect);
            log.info("callback store {}: {} migration(s) applied", store.describe(), applied);
            return store;
        } catch (StoreException e) {
            store.close();
            throw e;
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException("cannot migrate the schema of " + store.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CallbackRequest save(NewCallback request) {
        return save(request, Optional.empty(), now());
    }

    @Override
    public CallbackRequest save(NewCallback request, Optional<String> requestKey, Instant askedAt) {
        // the call's own promise (its script snapshot said it); the store's start-up config only for the rest
        var promise = request.promise().or(() -> config.promiseFor(request.reason())).orElseThrow(() -> new IllegalArgumentException(
                "reason: '" + request.reason() + "' has no promised reply time in store.promise "
                        + config.promise().keySet()));
        requestKey.ifPresent(k -> Fields.code("request-key", k));
        Instant now = now();
        Instant asked = askedAt.truncatedTo(ChronoUnit.MILLIS);
        var outcome = sql.transaction("save a callback",
                c -> Saves.save(c, dialect, outranking, request, requestKey, asked, asked.plus(promise), now));
        if (outcome.merged()) log.info("callback {}: a further request for its number updated it", outcome.saved().id());
        return outcome.saved();
    }

    @Override
    public Optional<CallbackRequest> nextInLine(CallbackQueue queue) {
        for (int bad = 0; bad < CLAIM_RACES; bad++) {
            var ids = sql.query("find the next callback", Claims.NEXT_IN_LINE, rs -> rs.getLong("id"), queue.code(),
                    now().toEpochMilli());
            if (ids.isEmpty()) return Optional.empty();
            long id = ids.getFirst();
            try {
                return find(id, true);
            } catch (IllegalArgumentException e) { // a bad row never stops a round: it is taken out of line
                attempts.setAside(id, e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<CallbackRequest> claim(long id) {
        return claim(id, self);
    }

    @Override
    public Optional<CallbackRequest> claim(long id, Claimant by) {
        return claims.claim(id, by, now()) ? find(id) : Optional.empty();
    }

    @Override
    public Optional<CallbackRequest> claimNext(CallbackQueue queue) {
        return claimNext(queue, self);
    }

    @Override
    public Optional<CallbackRequest> claimNext(CallbackQueue queue, Claimant by) {
        for (int race = 0; race < CLAIM_RACES; race++) {
            Optional<CallbackRequest> next = nextInLine(queue);
            if (next.isEmpty()) return Optional.empty();
            Optional<CallbackRequest> claimed = claim(next.get().id(), by);
            if (claimed.isPresent()) return claimed;
        }
        return Optional.empty();
    }

    /**
     * The next callback of {@code queue}, claimed for {@code by} only while fewer than
     * {@code atMostDialling} callbacks of that queue hold an agent (DIALLING, or answered and still
     * holding), counted over every node: the count and the claim run in one transaction under a
     * per-queue lock, so two nodes that see the same one idle agent never both place a callback for it.
     */
    @Override
    public Optional<CallbackRequest> claimNext(CallbackQueue queue, Claimant by, int atMostDialling) {
        for (int race = 0; race < CLAIM_RACES; race++) {
            if (atMostDialling <= 0) return Optional.empty();
            Optional<Long> won = claims.claimNextWhileAgentsFree(queue, by, atMostDialling, now());
            if (won.isEmpty()) return Optional.empty();
            try {
                return Optional.of(find(won.get(), true).orElseThrow());
            } catch (IllegalArgumentException e) { // a bad row never stops a round: taken out of line, next
                attempts.setAside(won.get(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public CallbackRequest recordAttempt(long id, int attempt, AttemptResult result) {
        int changed = attempts.record(id, attempt, result, now());
        CallbackRequest after = find(id).orElseThrow(() -> new IllegalArgumentException("no callback " + id));
        if (changed != 1) {
            throw new IllegalStateException("callback " + id + " is " + after.state() + " after attempt "
                    + after.attempts() + ", not DIALLING attempt " + attempt + ": claim it before recording an attempt");
        }
        if (after.state() == CallbackState.FAILED) {
            log.warn("callback {} to {} FAILED after {} attempt(s), last: {}", id, after.number(), after.attempts(),
                    after.lastResult().orElse("?"));
        }
        return after;
    }

    @Override
    public boolean endHolding(long id) {
        return attempts.endHolding(id) == 1;
    }

    @Override
    public boolean endHolding(long id, Duration after) {
        if (after.isNegative()) throw new IllegalArgumentException("after: must not be negative, was " + after);
        return after.isZero() ? endHolding(id) : attempts.endHolding(id, clock.instant().plus(after)) == 1;
    }

    @Override
    public boolean putBackUnplaced(long id, int attempt) {
        return attempts.unplaced(id, attempt) == 1;
    }

    @Override
    public boolean setAside(long id, String why) {
        return attempts.setAside(id, why) == 1;
    }

    @Override
    public List<SetAside> listSetAside() {
        return attempts.listSetAside();
    }

    @Override
    public Optional<CallbackRequest> markDone(long id) {
        sql.update("mark callback " + id + " done", "UPDATE callbacks SET state = 'DONE', claimed_at = NULL, "
                + "claimed_by = NULL WHERE id = ? AND state <> 'DONE'", id);
        return find(id);
    }

    @Override
    public int releaseStaleClaims() {
        return attempts.releaseStale(now());
    }

    @Override
    public Duration claimLease() {
        return config.claimTimeout();
    }

    @Override
    public Set<Long> renewClaims(Claimant by, Map<Long, Integer> attemptsById) {
        return attempts.renew(by, attemptsById, now());
    }

    @Override
    public Optional<QueueArrivals> sharedQueueArrivals() {
        return dialect instanceof Dialect.Postgres ? Optional.of(queueArrivals()) : Optional.empty();
    }

    /** The table on either database (the contract tests it on SQLite too). */
    QueueArrivals queueArrivals() {
        return new JdbcQueueArrivals(sql);
    }

    @Override
    public int releaseEarlierRuns(Claimant me) {
        return attempts.releaseEarlierRuns(me, now());
    }

    @Override
    public List<CallbackRequest> interrupted() {
        // FAILED ones only for a day after their last attempt began: an answer is marked during that
        // attempt's call or never, and rows the past keeps forever would fill the 1000 and hide new ones
        var rows = sql.query("list interrupted callbacks", "SELECT " + CallbackRows.COLUMNS + " FROM callbacks "
                + "WHERE last_result = ? AND (state = 'PENDING' OR (state = 'FAILED' AND last_attempt_at >= ?)) "
                + "ORDER BY id LIMIT 1000", rs -> {
                    try {
                        return Optional.of(CallbackRows.read(rs));
                    } catch (IllegalArgumentException bad) { // the dialler sets it aside when it meets it
                        return Optional.<CallbackRequest>empty();
                    }
                }, AttemptResult.INTERRUPTED, now().minus(INTERRUPTED_ASKED_FOR).toEpochMilli());
        return rows.stream().flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<CallbackRequest> find(long id) {
        return find(id, false);
    }

    private Optional<CallbackRequest> find(long id, boolean checked) {
        return Sql.first(sql.query("read callback " + id, "SELECT " + CallbackRows.COLUMNS + " FROM callbacks WHERE id = ?",
                checked ? CallbackRows::readChecked : CallbackRows::read, id));
    }

    @Override
    public List<CallbackRequest> list(CallbackFilter filter) {
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        filter.state().ifPresent(s -> {
            where.add("state = ?");
            args.add(s.name());
        });
        filter.queue().ifPresent(q -> {
            where.add("queue = ?");
            args.add(q.code());
        });
        String select = "SELECT " + CallbackRows.COLUMNS + " FROM callbacks"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id";
        var rows = sql.query("list callbacks", select, rs -> {
            try {
                return Optional.of(CallbackRows.read(rs));
            } catch (IllegalArgumentException bad) { // listed by listSetAside once the dialler meets it
                log.warn("callback {} cannot be read and is left out: {}", rs.getLong("id"), Fields.shown(bad.getMessage(), 200));
                return Optional.<CallbackRequest>empty();
            }
        }, args.toArray());
        return rows.stream().flatMap(Optional::stream).toList();
    }

    @Override
    public java.util.Map<CallbackState, Long> countByState() {
        var counts = new java.util.EnumMap<CallbackState, Long>(CallbackState.class);
        for (CallbackState s : CallbackState.values()) counts.put(s, 0L);
        var rows = sql.query("count callbacks", "SELECT state, COUNT(*) FROM callbacks GROUP BY state",
                rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)));
        rows.forEach(row -> CallbackState.ofCode(row.getKey()).ifPresent(s -> counts.put(s, row.getValue())));
        return counts;
    }

    @Override
    public void close() {
        sql.close();
    }

    @Override
    public CallerRecords callers() {
        return callers;
    }

    @Override
    public NodeVersions nodes() {
        return new JdbcNodeVersions(sql);
    }

    @Override
    public String describe() {
        return sql.describe();
    }

    private static String describe(String url) {
        int query = url.indexOf('?');
        return (query >= 0 ? url.substring(0, query) : url).replaceFirst("^jdbc:(\\w+):", "$1 ");
    }

    /** Milliseconds are what the table keeps; a request read back equals the one saved. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
