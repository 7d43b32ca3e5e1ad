package hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotline.config.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's writers: one at a time, each waiting its turn at most the store timeout, written together when queued together. */
class OneWriterTest {

    @TempDir
    Path dir;

    private DataSource sqlite;
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger commitsBeforeFailing = new AtomicInteger(Integer.MAX_VALUE);

    @BeforeEach
    void aTable() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("writes.db");
        sqlite = Dialect.of(url).dataSource(Store.at(url));
        try (var c = sqlite.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE saved (name TEXT PRIMARY KEY)");
        }
    }

    @Test
    void aWriterWaitingLongerThanTheStoreTimeoutFailsNamingWhatItWanted() throws Exception {
        try (var writers = new OneWriter(Duration.ofMillis(100), countingCommits())) {
            var holding = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            Thread first = Thread.ofVirtual().start(() -> writers.inTurn("save a callback", c -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            var e = assertThrows(StoreException.class, () -> writers.inTurn("look up caller 5551234", c -> save(c, "never")));
            assertTrue(e.getMessage().startsWith("look up caller 5551234: the database stayed locked for 100 ms"), e.getMessage());
            release.countDown();
            first.join();
            assertEquals("next", writers.inTurn("look up caller 5551234", c -> save(c, "next")));
            assertEquals(List.of("next"), saved(), "the dropped write was never written");
        }
    }

    /**
     * store.timeout bounds the wait for a turn, not a write under way: one that has started and
     * outlasts it is waited for and its result given, never reported failed while it goes on to
     * commit (FutureTask.cancel "cancelled" running writes too: a callback saved, its caller told
     * the store failed).
     */
    @Test
    void aWriteThatHasStartedIsWaitedForPastTheTimeoutAndItsResultGiven() throws Exception {
        try (var writers = new OneWriter(Duration.ofMillis(100), countingCommits())) {
            String result = writers.inTurn("save a callback", c -> {
                sleep(400);
                return save(c, "saved");
            });
            assertEquals("saved", result);
            assertEquals(List.of("saved"), saved());
        }
    }

    @Test
    void writesQueuedWhileOneIsWrittenShareOneCommitAndEachHearsItsOwnResult() throws Exception {
        try (var writers = new OneWriter(Duration.ofSeconds(5), countingCommits())) {
            var results = new ConcurrentHashMap<String, String>();
            List<Thread> callers = queuedBehindOne(writers, 10, name -> results.put(name,
                    writers.inTurn("save " + name, c -> save(c, name))));
            for (Thread t : callers) t.join();
            assertEquals(10, results.size());
            results.forEach((name, result) -> assertEquals(name, result));
            assertEquals(11, saved().size());
            assertEquals(2, commits.get(), "the first write's commit, then one for the ten queued behind it");
        }
    }

    @Test
    void aWriteThatFailsInABatchIsRolledBackAloneAndOnlyItsCallerHearsWhy() throws Exception {
        try (var writers = new OneWriter(Duration.ofSeconds(5), countingCommits())) {
            var heard = new ConcurrentHashMap<String, Object>();
            List<Thread> callers = queuedBehindOne(writers, 3, name -> {
                try {
                    heard.put(name, writers.inTurn("save " + name, c -> {
                        save(c, name);
                        if (name.equals("w1")) throw new IllegalArgumentException("w1 refused after its insert");
                        if (name.equals("w2")) save(c, "first"); // a duplicate key: the database refuses it
                        return name;
                    }));
                } catch (RuntimeException e) {
                    heard.put(name, e);
                }
            });
            for (Thread t : callers) t.join();
            assertEquals("w0", heard.get("w0"));
            assertEquals("w1 refused after its insert", ((IllegalArgumentException) heard.get("w1")).getMessage());
            var refused = (StoreException) heard.get("w2");
            assertTrue(refused.getMessage().startsWith("save w2: "), refused.getMessage());
            assertEquals(List.of("first", "w0"), saved(), "w1's and w2's inserts rolled back, w0's committed");
        }
    }

    @Test
    void aCommitThatFailsFailsEveryWriteItHeldAndNoneIsWritten() throws Exception {
        try (var writers = new OneWriter(Duration.ofSeconds(5), countingCommits())) {
            commitsBeforeFailing.set(1); // the first write's commit, not the batch's
            var heard = new ConcurrentHashMap<String, RuntimeException>();
            List<Thread> callers = queuedBehindOne(writers, 4, name -> {
                try {
                    writers.inTurn("save " + name, c -> save(c, name));
                } catch (RuntimeException e) {
                    heard.put(name, e);
                }
            });
            for (Thread t : callers) t.join();
            assertEquals(4, heard.size(), "every caller of the failed commit heard it failed");
            heard.forEach((name, e) -> assertEquals("save " + name + ": disk I/O error", e.getMessage()));
            assertEquals(List.of("first"), saved());
        }
    }

    @Test
    void writesQueuedWhenTheStoreClosesAreWrittenNotLost() throws Exception {
        var writers = new OneWriter(Duration.ofSeconds(5), countingCommits());
        var closing = new java.util.concurrent.atomic.AtomicReference<Thread>();
        List<Thread> callers = queuedBehindOne(writers, 5, name -> writers.inTurn("save " + name, c -> save(c, name)), () -> {
            closing.set(Thread.ofVirtual().start(writers::close));
            while (closing.get().getState() != Thread.State.TIMED_WAITING) Thread.onSpinWait();
        });
        for (Thread t : callers) t.join();
        closing.get().join();
        assertEquals(6, saved().size());
        assertEquals("after", writers.inTurn("save after", c -> save(c, "after")), "after close, the caller writes itself");
    }

    /** "first" holds the writer until {@code n} callers (w0, w1, …) have queued behind it. */
    private List<Thread> queuedBehindOne(OneWriter writers, int n, java.util.function.Consumer<String> caller)
            throws InterruptedException {
        return queuedBehindOne(writers, n, caller, () -> {});
    }

    /** As above, {@code meanwhile} run while "first" still holds the writer. */
    private List<Thread> queuedBehindOne(OneWriter writers, int n, java.util.function.Consumer<String> caller,
            Runnable meanwhile) throws InterruptedException {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> writers.inTurn("save first", c -> {
            holding.countDown();
            await(release);
            return save(c, "first");
        }));
        holding.await();
        var threads = new ArrayList<Thread>(List.of(first));
        for (int i = 0; i < n; i++) {
            String name = "w" + i;
            threads.add(Thread.ofVirtual().start(() -> caller.accept(name)));
        }
        while (queuedCount(threads) < n) Thread.sleep(5);
        meanwhile.run();
        release.countDown();
        return threads;
    }

    private static long queuedCount(List<Thread> threads) {
        return threads.stream().skip(1).filter(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING).count();
    }

    private OneWriter.Connections countingCommits() {
        return new OneWriter.Connections() {
            @Override
            public Connection open() throws SQLException {
                Connection real = sqlite.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("commit")) {
                                if (commits.get() >= commitsBeforeFailing.get()) throw new SQLException("disk I/O error");
                                commits.incrementAndGet();
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public void evict(Connection c) {}
        };
    }

    private static String save(Connection c, String name) throws SQLException {
        Sql.update(c, "INSERT INTO saved (name) VALUES (?)", name);
        return name;
    }

    private List<String> saved() throws SQLException {
        try (var c = sqlite.getConnection()) {
            return Sql.query(c, "SELECT name FROM saved ORDER BY name", rs -> rs.getString(1));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
