package hotline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import hotline.config.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The store's pool and the few ways it talks to it; every SQLException becomes a {@link StoreException}. */
final class Sql implements AutoCloseable {

    /** Connections per node: a few dialler threads and the flows saving now and then. */
    private static final int POOL_SIZE = 4;

    final HikariDataSource ds;
    private final String describe;
    private final OffCarrier offCarrier = new OffCarrier();
    /** SQLite's writers, queued here rather than in SQLite's sleeping busy handler; none for PostgreSQL. */
    private final Optional<OneWriter> oneWriter;

    Sql(HikariDataSource ds, String describe) {
        this(ds, describe, Optional.empty());
    }

    /** With {@code oneWriterTurn}, writes go through one {@link OneWriter} that waits at most that for a turn. */
    Sql(HikariDataSource ds, String describe, Optional<Duration> oneWriterTurn) {
        this.ds = ds;
        this.describe = describe;
        this.oneWriter = oneWriterTurn.map(turn -> new OneWriter(turn, new OneWriter.Connections() {
            @Override
            public Connection open() throws SQLException {
                return ds.getConnection();
            }

            @Override
            public void evict(Connection c) {
                ds.evictConnection(c);
            }
        }));
    }

    /** The store's pool on {@code driver}: every wait bounded by store.timeout. */
    static HikariDataSource pool(DataSource driver, Store config) {
        var pool = new HikariConfig();
        pool.setDataSource(driver);
        pool.setPoolName("callback-store");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        // a save waits at most store.timeout for a connection (the caller is waiting in silence)
        pool.setConnectionTimeout(Math.max(250, config.timeout().toMillis()));
        pool.setValidationTimeout(Math.max(250, config.timeout().toMillis()));
        pool.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
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

    String describe() {
        return describe;
    }

    /** {@code work} on a pooled connection; a call's virtual thread hands it to a platform thread ({@link OffCarrier}). */
    <T> T run(String what, Work<T> work) {
        return offCarrier.run(() -> {
            try (Connection c = ds.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new StoreException(what + " on " + describe + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * One transaction: committed when {@code work} returns, rolled back when it throws. On SQLite
     * it may share its commit with other writes queued meanwhile ({@link OneWriter}), in a
     * savepoint of its own: {@code work} must not commit, roll back or change auto-commit itself.
     */
    <T> T transaction(String what, Work<T> work) {
        if (oneWriter.isPresent()) return oneWriter.get().inTurn(what + " on " + describe, work);
        return run(what, c -> {
            boolean clean = false;
            try {
                c.setAutoCommit(false); // SQLite: BEGIN IMMEDIATE, which fails on a database locked past busy_timeout
                T result = work.run(c);
                c.commit(); // durable once this returns
                clean = true;
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    clean = e instanceof RuntimeException; // the work refused, the connection is sound
                } catch (SQLException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            } finally {
                // a failed BEGIN left the driver counting a transaction that never began (every later
                // commit failed "no transaction is active"): a connection the database failed leaves the pool
                if (clean) c.setAutoCommit(true);
                else ds.evictConnection(c);
            }
        });
    }

    int update(String what, String sql, Object... args) {
        if (oneWriter.isPresent()) return oneWriter.get().inTurn(what + " on " + describe, c -> update(c, sql, args));
        return run(what, c -> update(c, sql, args));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (var prepared = SqliteStatements.prepare(c, sql)) {
            bind(prepared.statement, args);
            int changed = prepared.statement.executeUpdate();
            prepared.ranWell();
            return changed;
        }
    }

    <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
        return run(what, c -> query(c, sql, row, args));
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (var prepared = SqliteStatements.prepare(c, sql)) {
            bind(prepared.statement, args);
            var found = new ArrayList<T>();
            try (ResultSet rs = prepared.statement.executeQuery()) {
                while (rs.next()) found.add(row.read(rs));
            }
            prepared.ranWell();
            return found;
        }
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private static void bind(PreparedStatement st, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
    }

    @Override
    public void close() {
        oneWriter.ifPresent(OneWriter::close); // its queued writes first, while the pool is open
        offCarrier.close();
        ds.close();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
