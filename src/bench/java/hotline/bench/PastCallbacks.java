package hotline.bench;

import hotline.config.Store;
import hotline.store.CallbackStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A store that has been in use: callbacks are kept after they end, so after months a hotline's
 * store holds many DONE rows (docs/performance.md#the-store-with-a-past). {@code -Dbench.pastCallbacks=N}
 * fills the throughput run's SQLite store with N of them before the server starts;
 * {@code -Dbench.withoutCallerIndex=true} then drops V9's index, the schema before it, to compare.
 */
final class PastCallbacks {

    private PastCallbacks() {}

    static void fill(Path db, int count, boolean withoutCallerIndex) throws SQLException {
        String url = "jdbc:sqlite:" + db;
        CallbackStore.open(Store.at(url), Clock.systemUTC()).close(); // the schema, as the migrations make it
        try (var c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("INSERT INTO callbacks (created_at, callback_number, language, reason, "
                    + "promised_by, queue, caller_id, waited_ms, state, attempts, request_key, due_at) "
                    + "VALUES (?, ?, 'en', 'simple', ?, 'hotline', ?, 0, 'DONE', 1, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String number = String.valueOf(7_000_000_000L + i); // never the fake callers' 5551234
                    st.setLong(1, i);
                    st.setString(2, number);
                    st.setLong(3, i);
                    st.setString(4, number);
                    st.setString(5, "past-" + i);
                    st.setLong(6, i);
                    st.addBatch();
                    if (i % 10_000 == 9_999) st.executeBatch();
                }
                st.executeBatch();
            }
            if (withoutCallerIndex) {
                try (var st = c.createStatement()) {
                    st.execute("DROP INDEX callbacks_caller");
                }
            }
            c.commit();
        }
    }
}
