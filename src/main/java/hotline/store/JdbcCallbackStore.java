package hotline.store;

import hotline.config.Durations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import hotline.config.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallbackStore} on SQLite or PostgreSQL through plain JDBC and a small HikariCP pool
 * (a new PostgreSQL connection costs a backend process: tens of milliseconds per operation
 * without the pool). Every state change is one conditional UPDATE whose row count says who
 * won, so it is atomic on both.
 */
final class JdbcCallbackStore implements CallbackStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcCallbackStore.class);
    /** claimNext gives up after this many lost races in a row (each loss means another node got one). */
    private static final int CLAIM_RACES = 50;
    /** Connections per node: a few dialler threads and the flows saving now and then. */
    private static final int POOL_SIZE = 4;
    /** How long save waits for a connection before it fails (the caller is waiting in silence). */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

    private final Store config;
    private final Clock clock;
    private final HikariDataSource ds;

    private JdbcCallbackStore(Store config, Clock clock, HikariDataSource ds) {
        this.config = config;
        this.clock = clock;
        this.ds = ds;
    }

    static JdbcCallbackStore open(Store config, Clock clock) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        var store = new JdbcCallbackStore(config, clock, pool(dialect.dataSource(config), config));
        try {
            store.run("check durability", c -> {
                dialect.checkDurable(c, store.describe());
                return null;
            });
            int applied = Migrations.migrate(store.ds, dialect);
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

    private static HikariDataSource pool(DataSource driver, Store config) {
        var pool = new HikariConfig();
        pool.setDataSource(driver);
        pool.setPoolName("callback-store");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the callback store " + config.jdbcUrl().replaceFirst("\\?.*", "")
                    + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    @Override
    public CallbackRequest save(NewCallback request) {
        var promise = config.promiseFor(request.reason()).orElseThrow(() -> new IllegalArgumentException(
                "reason: '" + request.reason() + "' has no promised reply time in store.promise "
                        + config.promise().keySet()));
        Instant now = now();
        Instant promisedBy = now.plus(promise);
        long id = run("save a callback", c -> {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement(CallbackRows.INSERT)) {
                CallbackRows.bindInsert(st, request, now, promisedBy);
                long newId;
                try (var rs = st.executeQuery()) {
                    rs.next();
                    newId = rs.getLong(1);
                }
                c.commit(); // durable once this returns: the whole point of save
                return newId;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
        return new CallbackRequest(id, now, request.number(), request.language(), request.reason(), promisedBy,
                request.queue(), request.recording(), request.caller(), CallbackState.PENDING, 0,
                Optional.empty(), Optional.empty());
    }

    @Override
    public Optional<CallbackRequest> nextInLine(CallbackQueue queue) {
        return run("find the next callback", c -> {
            try (var st = c.prepareStatement("SELECT " + CallbackRows.COLUMNS + " FROM callbacks "
                    + "WHERE queue = ? AND state = 'PENDING' AND due_at <= ? ORDER BY id LIMIT 1")) {
                st.setString(1, queue.code());
                st.setLong(2, now().toEpochMilli());
                return first(st);
            }
        });
    }

    @Override
    public Optional<CallbackRequest> claim(long id) {
        int won = update("claim callback " + id,
                "UPDATE callbacks SET state = 'DIALLING', claimed_at = ? WHERE id = ? AND state = 'PENDING'",
                now().toEpochMilli(), id);
        return won == 1 ? find(id) : Optional.empty();
    }

    @Override
    public Optional<CallbackRequest> claimNext(CallbackQueue queue) {
        for (int race = 0; race < CLAIM_RACES; race++) {
            Optional<CallbackRequest> next = nextInLine(queue);
            if (next.isEmpty()) return Optional.empty();
            Optional<CallbackRequest> claimed = claim(next.get().id());
            if (claimed.isPresent()) return claimed;
        }
        return Optional.empty();
    }

    @Override
    public CallbackRequest recordAttempt(long id, AttemptResult result) {
        long now = now().toEpochMilli();
        int changed = switch (result) {
            case AttemptResult.Reached r -> update("record attempt on callback " + id,
                    "UPDATE callbacks SET state = 'DONE', attempts = attempts + 1, last_attempt_at = ?, "
                            + "last_result = ?, claimed_at = NULL WHERE id = ? AND state = 'DIALLING'",
                    now, r.code(), id);
            case AttemptResult.NotReached n -> update("record attempt on callback " + id,
                    "UPDATE callbacks SET attempts = attempts + 1, last_attempt_at = ?, last_result = ?, "
                            + "claimed_at = NULL, due_at = ?, "
                            + "state = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END "
                            + "WHERE id = ? AND state = 'DIALLING'",
                    now, n.code(), now + config.retryAfter().toMillis(), config.maxAttempts(), id);
        };
        CallbackRequest after = find(id).orElseThrow(() -> new IllegalArgumentException("no callback " + id));
        if (changed != 1) {
            throw new IllegalStateException("callback " + id + " is " + after.state() + ", not DIALLING: "
                    + "claim it before recording an attempt");
        }
        if (after.state() == CallbackState.FAILED) {
            log.warn("callback {} to {} FAILED after {} attempt(s), last: {}", id, after.number(), after.attempts(),
                    result.code());
        }
        return after;
    }

    @Override
    public Optional<CallbackRequest> markDone(long id) {
        update("mark callback " + id + " done",
                "UPDATE callbacks SET state = 'DONE', claimed_at = NULL WHERE id = ? AND state <> 'DONE'", id);
        return find(id);
    }

    @Override
    public int releaseStaleClaims() {
        long before = now().minus(config.claimTimeout()).toEpochMilli();
        int released = update("release stale claims",
                "UPDATE callbacks SET state = 'PENDING', claimed_at = NULL "
                        + "WHERE state = 'DIALLING' AND claimed_at < ?", before);
        if (released > 0) {
            log.warn("{} callback(s) DIALLING for over {} put back in line", released,
                    Durations.format(config.claimTimeout()));
        }
        return released;
    }

    @Override
    public Optional<CallbackRequest> find(long id) {
        return run("read callback " + id, c -> {
            try (var st = c.prepareStatement("SELECT " + CallbackRows.COLUMNS + " FROM callbacks WHERE id = ?")) {
                st.setLong(1, id);
                return first(st);
            }
        });
    }

    @Override
    public List<CallbackRequest> list(CallbackFilter filter) {
        var where = new ArrayList<String>();
        var args = new ArrayList<String>();
        filter.state().ifPresent(s -> {
            where.add("state = ?");
            args.add(s.name());
        });
        filter.queue().ifPresent(q -> {
            where.add("queue = ?");
            args.add(q.code());
        });
        String sql = "SELECT " + CallbackRows.COLUMNS + " FROM callbacks"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id";
        return run("list callbacks", c -> {
            try (var st = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) st.setString(i + 1, args.get(i));
                var found = new ArrayList<CallbackRequest>();
                try (var rs = st.executeQuery()) {
                    while (rs.next()) found.add(CallbackRows.read(rs));
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public void close() {
        ds.close();
    }

    @Override
    public String describe() {
        String url = config.jdbcUrl();
        int query = url.indexOf('?');
        return (query >= 0 ? url.substring(0, query) : url).replaceFirst("^jdbc:(\\w+):", "$1 ");
    }

    /** Milliseconds are what the table keeps; a request read back equals the one saved. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private int update(String what, String sql, Object... args) {
        return run(what, c -> {
            try (var st = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
                return st.executeUpdate();
            }
        });
    }

    private static Optional<CallbackRequest> first(PreparedStatement st) throws SQLException {
        try (var rs = st.executeQuery()) {
            return rs.next() ? Optional.of(CallbackRows.read(rs)) : Optional.empty();
        }
    }

    private <T> T run(String what, SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what + " on " + describe() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
