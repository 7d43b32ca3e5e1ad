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
 * The caller records contract on a real PostgreSQL, as {@link PostgresCallbackStoreIT} runs the
 * callback contract: HOTLINE_PG_URL / HOTLINE_PG_USER, a schema of its own emptied before every test.
 */
class PostgresCallerRecordsIT extends CallerRecordsContract {

    static final String SCHEMA = "itc_" + ProcessHandle.current().pid() + "_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @Override
    Store config() {
        String url = PostgresCallbackStoreIT.URL;
        return new Store(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                PostgresCallbackStoreIT.USER, PostgresCallbackStoreIT.PASSWORD, null, null, null, null);
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
        try (var c = DriverManager.getConnection(PostgresCallbackStoreIT.URL, PostgresCallbackStoreIT.USER,
                PostgresCallbackStoreIT.PASSWORD); var st = c.createStatement()) {
            for (String statement : statements) st.execute(statement);
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + PostgresCallbackStoreIT.URL + " (" + e.getMessage()
                    + "). Start it with: bash src/test/lab/postgres.sh start");
        }
    }
}
