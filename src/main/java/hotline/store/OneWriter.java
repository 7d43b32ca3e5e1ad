package hotline.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * SQLite's writers take turns in this process, first come first served, before they take a
 * pooled connection. SQLite admits one writer at a time anyway (BEGIN IMMEDIATE), but a writer
 * that finds the file locked sleeps in its busy handler (1, 2, 5, 10 … 100 ms) however soon the
 * lock is free: with every call writing at its answer, those sleeps were most of a call's wait
 * before the greeting (docs/performance.md). Here the next writer wakes as the last one ends.
 * The wait is bounded by store.timeout as before; writers in other processes (the CLI) still
 * meet SQLite's own busy_timeout.
 */
final class OneWriter {

    private final ReentrantLock turn = new ReentrantLock(true);
    private final Duration atMost;

    OneWriter(Duration atMost) {
        this.atMost = atMost;
    }

    <T> T inTurn(String what, Supplier<T> write) {
        try {
            if (!turn.tryLock(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StoreException(what + ": the database stayed locked for " + atMost.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + ": interrupted while waiting for the database", e);
        }
        try {
            return write.get();
        } finally {
            turn.unlock();
        }
    }
}
