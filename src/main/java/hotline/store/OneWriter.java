package hotline.store;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * SQLite's writes, one after the other on one platform thread of this process, first come first
 * served. SQLite admits one writer at a time anyway (BEGIN IMMEDIATE), but a writer that finds
 * the file locked sleeps in its busy handler (1, 2, 5, 10 … 100 ms) however soon the lock is
 * free, and with every call writing at its answer those sleeps were most of a call's wait before
 * the greeting (docs/performance.md). Here the next write starts as the last one ends, with no
 * thread to wake in between. A write not started within store.timeout is dropped and fails as a
 * locked database did; one started is always waited for. Writers in other processes (the CLI)
 * still meet SQLite's own busy_timeout.
 */
final class OneWriter implements AutoCloseable {

    private static final int QUEUED = 0;
    private static final int STARTED = 1;
    private static final int DROPPED = 2;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("store-writer").daemon(true).factory());
    private final Duration atMost;

    OneWriter(Duration atMost) {
        this.atMost = atMost;
    }

    <T> T inTurn(String what, Supplier<T> write) {
        // QUEUED -> STARTED when the writer thread takes it, QUEUED -> DROPPED when its caller gives
        // up first: FutureTask.cancel alone also "cancels" a running write, which then still commits
        var state = new AtomicInteger(QUEUED);
        var task = new FutureTask<T>(() -> state.compareAndSet(QUEUED, STARTED) ? write.get() : null);
        try {
            writer.execute(task);
        } catch (RejectedExecutionException closed) {
            return write.get();
        }
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (true) {
                try {
                    return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException late) {
                    if (state.compareAndSet(QUEUED, DROPPED)) {
                        task.cancel(false);
                        throw new StoreException(what + ": the database stayed locked for " + atMost.toMillis() + " ms");
                    }
                    deadline = Long.MAX_VALUE / 2; // it has started: it ends as it ends, and its caller hears how
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (CancellationException e) {
                    throw new StoreException(what + ": the database stayed locked for " + atMost.toMillis() + " ms");
                } catch (ExecutionException e) {
                    throw OffCarrier.unwrapped(e);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
