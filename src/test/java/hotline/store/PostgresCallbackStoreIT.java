package hotline.store;

import static org.assertj.core.api.Assertions.fail;

import hotline.config.Store;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on a real PostgreSQL: {@code bash src/test/lab/postgres.sh start}
 * (HOTLINE_PG_URL, HOTLINE_PG_USER). Unreachable fails the test; it never skips.
 */
class PostgresCallbackStoreIT extends CallbackStoreContract {

    static final String URL = env("HOTLINE_PG_URL", "jdbc:postgresql://127.0.0.1:5433/hotline_test");
    static final String USER = env("HOTLINE_PG_USER", "postgres");
    static final String PASSWORD = env("HOTLINE_PG_PASSWORD", "");

    @Override
    Store config() {
        return new Store(URL, USER, PASSWORD, null, null, null, null);
    }

    @BeforeEach
    @Override
    void openStore() {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS callbacks");
            st.execute("DROP TABLE IF EXISTS flyway_schema_history");
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). Start it with: bash src/test/lab/postgres.sh start");
        }
        super.openStore();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
