package hotline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQLite's writes, one after the other on one platform thread of this process, first come first
 * served. SQLite admits one writer at a time anyway (BEGIN IMMEDIATE), but a writer that finds
 * the file locked sleeps in its busy handler (1, 2, 5, 10 … 100 ms) however soon the lock is
 * free, and with every call writing at its answer those sleeps were most of a call's wait before
 * the greeting (docs/performance.md). Here the next write starts as the last one ends, with no
 * thread to wake in between.
 *
 * <p>Writes that queued while one was being written are written together, a group commit: one
 * transaction, each write in a savepoint of its own, one commit (one fsync) for all. A write that
 * fails is rolled back to its savepoint alone and its caller hears why; the others commit. No
 * caller hears "done" before the commit that holds its write has returned, so each write is as
 * durable as when it had a commit of its own; a commit that fails fails every write of it.
 *
 * <p>A write not started within store.timeout is dropped and fails as a locked database did; one
 * started is always waited for. Writers in other processes (the CLI) still meet SQLite's own
 * busy_timeout.
 */
final class OneWriter implements AutoCloseable {

    /** At most this many writes share a commit, so a batch's last caller waits a bounded time. */
    static final int AT_MOST_TOGETHER = 64;

    /** Where the writer gets its connection, and gives back one the database failed. */
    interface Connections {
        Connection open() throws SQLException;

        void evict(Connection c);
    }

    private static final int QUEUED = 0;
    private static final int STARTED = 1;
    private static final int DROPPED = 2;
    private static final Write<Void> END = new Write<>("end", c -> null);

    private final Duration atMost;
    private final Connections connections;
    private final LinkedBlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private boolean closed; // guarded by this

    OneWriter(Duration atMost, Connections connections) {
        this.atMost = atMost;
        this.connections = connections;
        this.writer = Thread.ofPlatform().name("store-writer").daemon(true).start(this::writeInTurn);
    }

    /** {@code work} in the writer's transaction, committed before this returns; {@code what} names it in errors. */
    <T> T inTurn(String what, Sql.Work<T> work) {
        var write = new Write<>(what, work);
        if (!queued(write)) { // closed: the caller writes it itself
            write.state.set(STARTED);
            together(List.of(write));
            return write.outcome();
        }
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (true) {
                try {
                    write.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return write.outcome();
                } catch (TimeoutException late) {
                    // QUEUED -> DROPPED when its caller gives up first; one that has started ends as it ends
                    if (write.state.compareAndSet(QUEUED, DROPPED)) {
                        throw new StoreException(what + ": the database stayed locked for " + atMost.toMillis() + " ms");
                    }
                    deadline = Long.MAX_VALUE / 2;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw OffCarrier.unwrapped(e); // never: writes complete normally, their outcome inside
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean queued(Write<?> write) {
        if (closed) return false;
        queue.add(write);
        return true;
    }

    private void writeInTurn() {
        var batch = new ArrayList<Write<?>>();
        boolean end = false;
        while (!end) {
            batch.add(next());
            queue.drainTo(batch, AT_MOST_TOGETHER - 1);
            end = batch.remove(END); // the last one ever queued
            batch.removeIf(w -> !w.state.compareAndSet(QUEUED, STARTED)); // their callers gave up
            if (!batch.isEmpty()) together(batch);
            batch.clear();
        }
    }

    private Write<?> next() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() ends this thread, by queueing END
            }
        }
    }

    /** One transaction for {@code batch}, each write in a savepoint unless it is alone; every write completed. */
    private void together(List<Write<?>> batch) {
        Connection c = null;
        boolean sound = false;
        try {
            c = connections.open();
            c.setAutoCommit(false); // SQLite: BEGIN IMMEDIATE, which fails on a database locked past busy_timeout
            boolean alone = batch.size() == 1;
            boolean databaseFailedOne = false;
            for (Write<?> w : batch) databaseFailedOne |= !w.writeIn(c, alone);
            c.commit(); // durable once this returns: only now does any caller hear its outcome
            sound = !databaseFailedOne;
        } catch (SQLException e) {
            rollBack(c, e);
            for (Write<?> w : batch) w.failIfNotYet(new StoreException(w.what + ": " + e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            rollBack(c, e);
            for (Write<?> w : batch) w.failIfNotYet(e);
        } finally {
            let(c, sound);
            for (Write<?> w : batch) w.complete();
        }
    }

    private static void rollBack(Connection c, Throwable why) {
        if (c == null) return;
        try {
            c.rollback();
        } catch (SQLException alsoFailed) {
            why.addSuppressed(alsoFailed);
        }
    }

    /**
     * Back to the pool, or out of it: a failed BEGIN left the driver counting a transaction that
     * never began (every later commit failed "no transaction is active").
     */
    private void let(Connection c, boolean sound) {
        if (c == null) return;
        try (c) {
            if (sound) c.setAutoCommit(true);
            else connections.evict(c);
        } catch (SQLException e) {
            connections.evict(c);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.add(END);
        }
        try {
            writer.join(atMost.plusSeconds(5)); // the queued writes are written, not lost
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One caller's write and, once its batch has committed or failed, its outcome. */
    private static final class Write<T> {
        final String what;
        final Sql.Work<T> work;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private T result;
        private Throwable failure;

        Write(String what, Sql.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        /** False when the database failed this write: its connection is not trusted afterwards. */
        boolean writeIn(Connection c, boolean alone) throws SQLException {
            var mark = alone ? null : c.setSavepoint();
            try {
                result = work.run(c);
                if (mark != null) c.releaseSavepoint(mark);
                return true;
            } catch (SQLException | RuntimeException | Error e) {
                failure = e instanceof SQLException s ? new StoreException(what + ": " + s.getMessage(), s) : e;
                if (mark == null) {
                    c.rollback();
                } else {
                    c.rollback(mark);
                    c.releaseSavepoint(mark);
                }
                return !(e instanceof SQLException);
            }
        }

        void failIfNotYet(Throwable why) {
            if (failure == null) failure = why;
        }

        void complete() {
            done.complete(null);
        }

        T outcome() {
            switch (failure) {
                case null -> {
                    return result;
                }
                case RuntimeException r -> throw r;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failure);
            }
        }
    }
}
