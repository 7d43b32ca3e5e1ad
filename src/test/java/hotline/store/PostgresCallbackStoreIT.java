package hotline.store;

import static org.assertj.core.api.Assertions.fail;

import hotline.config.Store;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on a real PostgreSQL: {@code bash src/test/lab/postgres.sh start}
 * (HOTLINE_PG_URL, HOTLINE_PG_USER). Unreachable fails the test; it never skips. Each run
 * works in a schema of its own, emptied before every test, so two runs on one machine
 * (a developer's and CI's) never see each other's tables.
 */
class PostgresCallbackStoreIT extends SeveralNodesContract {

    static final String URL = env("HOTLINE_PG_URL", "jdbc:postgresql://127.0.0.1:5433/hotline_test");
    static final String USER = env("HOTLINE_PG_USER", "postgres");
    static final String PASSWORD = env("HOTLINE_PG_PASSWORD", "");
    static final String SCHEMA = "it_" + ProcessHandle.current().pid() + "_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @Override
    Store config() {
        return new Store(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, USER, PASSWORD,
                null, null, null, null);
    }

    @BeforeEach
    @Override
    void openStore() {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        super.openStore();
    }

    @AfterAll
    static void dropSchema() {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private static void sql(String... statements) {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            for (String statement : statements) st.execute(statement);
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). Start it with: bash src/test/lab/postgres.sh start");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
