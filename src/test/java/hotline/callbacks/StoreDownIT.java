package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.JournalLine;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.store.CallbackFilter;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.SpoolingCallbackBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §8.2 on the lab's real Asterisk 22: the store fails while a caller books a
 * callback, and the caller's request is still kept. Another connection holds the SQLite database
 * locked (BEGIN EXCLUSIVE: every write waits, then fails after {@code store.timeout}); a caller
 * ([robot-waits-for-callback]) takes the offer and confirms its caller ID. It hears "we have your
 * number" with no more delay than the store's deadline, the request is in the spool (a file
 * only its owner reads), and once the lock is gone the replay stores it exactly once. Its own
 * server port and agents' queue (it-store-down, nobody logs in), the offer after 10 s.
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StoreDownIT}.
 */
class StoreDownIT extends LabCalls {

    private static final int PORT = 4655;
    private static final String QUEUE = "it-store-down";
    private static final String CALLER = "5550844";
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);
    private static Path dir;
    private static CallbackStore store;
    private static SpoolingCallbackBook book;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("store-down-it");
        Store config = Store.at("jdbc:sqlite:" + dir.resolve("hotline.db"))
                .withFaults(STORE_TIMEOUT, dir.resolve("callback-spool.jsonl"));
        store = CallbackStore.open(config, Clock.systemUTC());
        book = new SpoolingCallbackBook(store, config, Clock.systemUTC());
        hotline = KeyTimes.offeringEarly("StoreDownIT", QUEUE, PORT, book);
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    @Test
    void aCallerWhoBooksACallbackWhileTheStoreIsLockedHearsThePromiseAndTheRequestIsStoredOnceWhenItIsBack()
            throws Exception {
        Path spool = dir.resolve("callback-spool.jsonl");
        HotlineCallEndedEvent end;
        try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hotline.db"));
             Statement sql = lock.createStatement()) {
            sql.execute("BEGIN EXCLUSIVE"); // a neighbour holding the database: every write of ours fails
            String robot = lab.call("robot-waits-for-callback", "s", CALLER, hotline.via());
            end = lab.awaitEnd(robot, Duration.ofSeconds(120));

            assertThat(end.getOutcome()).isEqualTo("callback-booked:simple");
            JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
            Lab.assertStepsInOrder(journal.text(), "callback-offer", "callback-use-caller-id",
                    "callback-confirm-caller-id", "callback-record-name", "callback-confirmed-2h", "pause", "hangup");
            HeardPrompts.by(robot).assertInOrder("en", "callback-use-caller-id", "callback-confirmed-2h");
            assertThat(Files.readAllLines(spool)).as("the request in the spool while the store is down")
                    .singleElement().asString().contains("\"number\":\"" + CALLER + "\"");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rw-------");
            assertThat(store.list(CallbackFilter.all())).as("nothing reached the locked store").isEmpty();
            sql.execute("COMMIT");
        }

        assertThat(book.replay()).as("requests replayed").isEqualTo(1);
        assertThat(book.replay()).as("a second replay finds nothing").isZero();
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(CALLER))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(CallbackState.PENDING);
                    assertThat(r.reason()).isEqualTo("simple");
                    assertThat(r.recording()).as("the caller's name, recorded before the store was tried").isPresent();
                });
        assertThat(Files.exists(spool) ? Files.readAllLines(spool) : java.util.List.of()).as("the spool after the replay")
                .isEmpty();
    }
}
