package hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import hotline.config.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/** SQLite's statements parsed once per connection and used again, through the store's own pool. */
class SqliteStatementsTest {

    private static final String INSERT = "INSERT INTO numbers (n, name) VALUES (?, ?)";
    private static final String BY_N = "SELECT name FROM numbers WHERE n >= ? ORDER BY n";

    @TempDir
    Path dir;

    private HikariDataSource pool;

    @BeforeEach
    void aTable() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("statements.db");
        var config = Store.at(url);
        pool = Sql.pool(Dialect.of(url).dataSource(config), config);
        try (var c = pool.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE numbers (n INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementThatRanWellIsTheOneTheNextUseOfItsSqlGets() throws SQLException {
        try (Connection c = pool.getConnection()) {
            var first = SqliteStatements.prepare(c, BY_N);
            var statement = first.statement;
            first.ranWell();
            first.close();
            try (var again = SqliteStatements.prepare(c, BY_N)) {
                assertSame(statement, again.statement);
            }
        }
    }

    @Test
    void theSameSqlWhileItsStatementIsInUseGetsASecondOne() throws SQLException {
        try (Connection c = pool.getConnection();
             var outer = SqliteStatements.prepare(c, BY_N);
             var inner = SqliteStatements.prepare(c, BY_N)) {
            assertNotSame(outer.statement, inner.statement);
        }
    }

    @Test
    void usedAgainTheyGiveEachRunItsOwnParametersAndResults() throws SQLException {
        try (Connection c = pool.getConnection()) {
            for (int n = 1; n <= 5; n++) assertEquals(1, Sql.update(c, INSERT, n, "n" + n));
            assertEquals(List.of("n1", "n2", "n3", "n4", "n5"), Sql.query(c, BY_N, rs -> rs.getString(1), 1));
            assertEquals(List.of("n4", "n5"), Sql.query(c, BY_N, rs -> rs.getString(1), 4));
            assertEquals(List.of(), Sql.query(c, BY_N, rs -> rs.getString(1), 9));
        }
    }

    @Test
    void aStatementThatFailedIsClosedAndItsSqlStillRunsAfterwards() throws SQLException {
        try (Connection c = pool.getConnection()) {
            Sql.update(c, INSERT, 1, "one");
            var failing = SqliteStatements.prepare(c, INSERT);
            var statement = failing.statement;
            failing.statement.setObject(1, 1);
            failing.statement.setObject(2, "again");
            assertThrows(SQLException.class, failing.statement::executeUpdate, "a duplicate key");
            failing.close();
            assertTrue(statement.isClosed());
            assertEquals(1, Sql.update(c, INSERT, 2, "two"));
            assertEquals(List.of("one", "two"), Sql.query(c, BY_N, rs -> rs.getString(1), 0));
        }
    }

    @Test
    void aClosedConnectionsStatementsAreForgottenWhenANewConnectionComes() throws SQLException {
        SQLiteConnection physical;
        try (Connection c = pool.getConnection()) {
            physical = c.unwrap(SQLiteConnection.class);
            Sql.query(c, BY_N, rs -> rs.getString(1), 0);
            pool.evictConnection(c);
        }
        for (int i = 0; i < 200 && !physical.isClosed(); i++) sleep(10); // the pool closes it on a thread of its own
        assertTrue(physical.isClosed());
        try (Connection c = pool.getConnection()) {
            assertNotSame(physical, c.unwrap(SQLiteConnection.class));
            Sql.query(c, BY_N, rs -> rs.getString(1), 0);
        }
        assertFalse(SqliteStatements.keeps(physical));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
