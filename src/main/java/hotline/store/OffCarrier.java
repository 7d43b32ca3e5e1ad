package hotline.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the store's work on a platform thread when the caller is a virtual thread (a call).
 * SQLite runs in native code: a virtual thread inside it holds its carrier for the whole
 * statement, the commit's fsync and the busy-wait included, and the node has only as many
 * carriers as cores, so two lookups at once stalled every other call (profiled in
 * docs/performance.md). Handed over, the call parks and frees its carrier. The work itself is
 * unchanged: same connection, same transaction, same timeouts (a task still waits for a pooled
 * connection at most store.timeout). Threads are made on demand and end when idle; past
 * {@link #AT_MOST} busy ones, the work runs on the caller as before.
 */
final class OffCarrier implements AutoCloseable {

    /** Far above the pool's connections: tasks beyond those wait inside the pool, bounded by store.timeout. */
    static final int AT_MOST = 64;

    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(0, AT_MOST, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().name("store-", 1).daemon(true).factory());

    <T> T run(Supplier<T> work) {
        if (!Thread.currentThread().isVirtual()) return work.get();
        var task = new FutureTask<>(work::get);
        try {
            threads.execute(task);
        } catch (RejectedExecutionException busyOrClosed) {
            return work.get();
        }
        return outcome(task);
    }

    /** Waits for the task to end, whatever happens meanwhile: the work is not abandoned half-done. */
    private static <T> T outcome(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw unwrapped(e);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** What the work itself threw, as the caller would have seen it had it run the work itself. */
    static RuntimeException unwrapped(ExecutionException e) {
        switch (e.getCause()) {
            case RuntimeException r -> throw r;
            case Error err -> throw err;
            default -> throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
