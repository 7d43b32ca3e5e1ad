package hotline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's prepared statements kept per connection and used again. sqlite-jdbc parses a
 * statement's SQL anew for each {@code prepareStatement} (the pool keeps none either), and the
 * arrival's five statements, parsed on every call, were a tenth of the server's CPU in the
 * throughput benchmark (docs/performance.md). A statement is taken out while in use, so the same
 * SQL run inside its own loop gets a second one, and is given back with its parameters cleared
 * once it ran without an error (one that failed is closed).
 * A connection is used by one thread at a time (the pool's rule), so its statements need no lock;
 * those of closed connections are dropped when a new one is first seen. PostgreSQL's driver keeps
 * its own server-side statements: its connections are not cached here.
 */
final class SqliteStatements {

    /** Distinct SQL kept per connection; past it the least recently used is closed (some SQL is built, e.g. LIMIT n). */
    static final int PER_CONNECTION = 64;

    private static final Map<SQLiteConnection, Kept> KEPT = new ConcurrentHashMap<>();

    private SqliteStatements() {}

    /** A statement of {@code sql} on {@code c}: {@link Prepared#close()} gives it back (or closes it, off SQLite). */
    static Prepared prepare(Connection c, String sql) throws SQLException {
        if (!c.isWrapperFor(SQLiteConnection.class)) return new Prepared(c.prepareStatement(sql), null, sql);
        SQLiteConnection physical = c.unwrap(SQLiteConnection.class);
        Kept kept = KEPT.get(physical);
        if (kept == null) {
            KEPT.keySet().removeIf(SqliteStatements::isClosed);
            kept = KEPT.computeIfAbsent(physical, k -> new Kept());
        }
        PreparedStatement st = kept.take(sql);
        return new Prepared(st != null && !st.isClosed() ? st : physical.prepareStatement(sql), kept, sql);
    }

    /** Whether statements of {@code c} are kept (tests). */
    static boolean keeps(SQLiteConnection c) {
        return KEPT.containsKey(c);
    }

    private static boolean isClosed(SQLiteConnection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** A statement in use; closing it after {@link #ranWell()} gives it back to its connection's kept ones. */
    static final class Prepared implements AutoCloseable {
        final PreparedStatement statement;
        private final Kept keptBy;
        private final String sql;
        private boolean ranWell;

        private Prepared(PreparedStatement statement, Kept keptBy, String sql) {
            this.statement = statement;
            this.keptBy = keptBy;
            this.sql = sql;
        }

        /** Its run ended without an error (and its results were read): it may be used again. */
        void ranWell() {
            ranWell = true;
        }

        @Override
        public void close() throws SQLException {
            if (keptBy == null || !ranWell) { // one that failed is not trusted again
                statement.close();
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            keptBy.giveBack(sql, statement);
        }
    }

    /** One connection's idle statements by SQL, least recently used first. */
    private static final class Kept {
        private final LinkedHashMap<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(16, 0.75f, true);

        PreparedStatement take(String sql) {
            Deque<PreparedStatement> these = idle.get(sql);
            return these == null ? null : these.pollFirst();
        }

        void giveBack(String sql, PreparedStatement st) throws SQLException {
            Deque<PreparedStatement> these = idle.computeIfAbsent(sql, k -> new ArrayDeque<>(1));
            if (these.size() >= 2) { // two of one SQL is already a nested loop; more would only pile up
                st.close();
                return;
            }
            these.addFirst(st);
            if (idle.size() > PER_CONNECTION) {
                var eldest = idle.entrySet().iterator().next();
                idle.remove(eldest.getKey());
                for (PreparedStatement old : new ArrayList<>(eldest.getValue())) old.close();
            }
        }
    }
}
