package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neighbour holds the SQLite database (BEGIN EXCLUSIVE) past {@code store.timeout}: a save in
 * that time fails, and once the lock is gone the store works again on every pooled connection.
 * Before the fix, sqlite-jdbc left the connection whose BEGIN IMMEDIATE had failed with its
 * auto-commit off and no transaction: the next save on it inserted outside any transaction, then
 * failed "cannot commit - no transaction is active" (a row stored and reported lost), so the
 * spool's replay kept failing after the database was free (found on the lab by StoreDownIT).
 */
class LockedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aSaveThatFailedWhileTheDatabaseWasLockedLeavesNoBrokenConnectionBehind() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("hotline.db");
        try (CallbackStore store = CallbackStore.open(Store.at(url).withFaults(Duration.ofMillis(200),
                dir.resolve("spool.jsonl")), Clock.systemUTC())) {
            store.save(request("5550001")); // the pool is open and has a connection
            try (Connection neighbour = DriverManager.getConnection(url); Statement sql = neighbour.createStatement()) {
                sql.execute("BEGIN EXCLUSIVE");
                // one save only: a second failing one used to repair the connection by accident
                assertThatThrownBy(() -> store.save(request("5550010"))).isInstanceOf(StoreException.class)
                        .hasMessageContaining("locked");
                Thread.sleep(500); // the write itself has given up too (busy_timeout), not only its caller
                sql.execute("COMMIT");
            }
            for (int i = 0; i < 6; i++) store.save(request("555002" + i)); // more saves than the pool's connections
            assertThat(store.list(CallbackFilter.all())).extracting(r -> r.number().digits())
                    .containsExactlyInAnyOrder("5550001", "5550020", "5550021", "5550022", "5550023", "5550024", "5550025");
        }
    }

    private static NewCallback request(String number) {
        return new NewCallback(CallbackNumber.of(number), "en", "simple", CallbackQueue.of("hotline"), Optional.empty(),
                CallerDetails.of(number, Duration.ofSeconds(70)));
    }
}
