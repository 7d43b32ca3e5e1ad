package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import hotline.files.PrivateFiles;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that fails or stalls mid-call: the confirmed request is spooled (fsync'd, 0600)
 * within store.timeout, before the caller hears the promise, and stored once when the store is back.
 */
class SpoolTest {

    @TempDir
    Path dir;
    private Store config;

    @BeforeEach
    void config() {
        config = Store.at("jdbc:sqlite:" + dir.resolve("hotline.db"))
                .withFaults(Duration.ofMillis(300), dir.resolve("spool/callbacks.jsonl"));
    }

    private static CallbackBooking booking(String number) {
        return new CallbackBooking(number, "yue", "simple", "hotline", Optional.of("rec/name-1"), number,
                Duration.ofSeconds(61));
    }

    @Test
    void aDatabaseLockedMidSaveSpoolsTheRequestWithinTheTimeoutAndItIsStoredOnceWhenTheLockGoes() throws Exception {
        try (var store = CallbackStore.open(config, Clock.systemUTC())) {
            var book = new SpoolingCallbackBook(store, config, Clock.systemUTC());
            CallbackBook.Booked booked;
            long took;
            try (var locker = DriverManager.getConnection(config.jdbcUrl()); var st = locker.createStatement()) {
                st.execute("BEGIN EXCLUSIVE"); // another process holds the database
                long started = System.nanoTime();
                booked = book.book(booking("0201234567"));
                took = (System.nanoTime() - started) / 1_000_000;
                assertThat(book.replay()).isZero(); // still locked: stays in the spool
                assertThat(store.list(CallbackFilter.all())).isEmpty();
                st.execute("ROLLBACK"); // the slow save may now commit after all: the replay's key stores it once
            }

            assertThat(booked).isInstanceOf(CallbackBook.Booked.Stored.class);
            assertThat(((CallbackBook.Booked.Stored) booked).id()).startsWith("spool-");
            assertThat(took).isLessThan(2 * config.timeout().toMillis() + 500);
            assertThat(Files.getPosixFilePermissions(config.spool())).isEqualTo(PrivateFiles.OWNER_ONLY);

            assertThat(book.replay()).isEqualTo(1);
            assertThat(book.replay()).isZero();
            assertThat(store.list(CallbackFilter.all())).singleElement().satisfies(c -> {
                assertThat(c.number()).isEqualTo(CallbackNumber.of("0201234567"));
                assertThat(c.language()).isEqualTo("yue");
                assertThat(c.recording()).contains("rec/name-1");
            });
            assertThat(Files.readString(config.spool())).isEmpty();
            System.out.println("SpoolTest: locked SQLite -> caller waited " + took + " ms before the promise "
                    + "(store.timeout " + config.timeout().toMillis() + " ms)");
        }
    }

    @Test
    void aSpooledRequestReplayedAgainAfterACrashIsStoredOnce() {
        try (var store = CallbackStore.open(config, Clock.systemUTC())) {
            var spool = new CallbackSpool(config.spool());
            var entry = CallbackSpool.Entry.of("k-42", java.time.Instant.parse("2026-11-24T09:00:00Z"),
                    StoreCallbackBook.request(booking("0301234567")));
            spool.append(entry);
            store.save(entry.request(), Optional.of(entry.key()), entry.askedAt()); // replayed, then the crash

            var book = new SpoolingCallbackBook(store, config, Clock.systemUTC());
            assertThat(book.replay()).isEqualTo(1);

            assertThat(store.list(CallbackFilter.all())).singleElement()
                    .satisfies(c -> assertThat(c.createdAt()).isEqualTo(entry.askedAt()));
        }
    }

    @Test
    void aSaveThatSucceedsIsNeverSpooled() {
        try (var store = CallbackStore.open(config, Clock.systemUTC())) {
            var booked = new SpoolingCallbackBook(store, config, Clock.systemUTC()).book(booking("0201234567"));

            assertThat(((CallbackBook.Booked.Stored) booked).id()).isEqualTo("1");
            assertThat(config.spool()).doesNotExist();
        }
    }

    @Test
    void theSpoolIsReplayedIntoTheStoreWhenTheServerStartsAgain() throws Exception {
        try (var store = CallbackStore.open(config, Clock.systemUTC())) {
            store.close(); // the store is down: the pool is gone
            var book = new SpoolingCallbackBook(store, config, Clock.systemUTC());
            book.book(booking("0201234567"));
            book.book(booking("0201234568"));
        }
        try (var reopened = CallbackStore.open(config, Clock.systemUTC());
             var replayer = SpoolReplayer.start(new SpoolingCallbackBook(reopened, config, Clock.systemUTC()),
                     Duration.ofMillis(50))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (reopened.list(CallbackFilter.all()).size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(reopened.list(CallbackFilter.all())).extracting(c -> c.number().digits())
                    .containsExactlyInAnyOrder("0201234567", "0201234568");
            assertThat(replayer).isNotNull();
        }
    }
}
