package hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Where the store's work runs for a call (a virtual thread), and how SQLite's writers take turns. */
class StoreThreadsTest {

    @Test
    void aCallsStoreWorkRunsOnAPlatformThreadAndItsFailureReachesTheCall() throws Exception {
        try (var offCarrier = new OffCarrier()) {
            var ranOn = new AtomicReference<Thread>();
            var failure = new AtomicReference<Throwable>();
            var problem = new StoreException("look up caller on sqlite: broken");
            Thread call = Thread.ofVirtual().start(() -> {
                offCarrier.run(() -> ranOn.getAndSet(Thread.currentThread()));
                try {
                    offCarrier.run(() -> { throw problem; });
                } catch (StoreException e) {
                    failure.set(e);
                }
            });
            call.join();
            assertFalse(ranOn.get().isVirtual(), "ran on " + ranOn.get());
            assertSame(problem, failure.get());
        }
    }

    @Test
    void workOutsideACallRunsWhereItIsCalled() {
        try (var offCarrier = new OffCarrier()) {
            assertSame(Thread.currentThread(), offCarrier.run(Thread::currentThread));
        }
    }

    @Test
    void aWriterWaitingLongerThanTheStoreTimeoutFailsNamingWhatItWanted() throws Exception {
        try (var writers = new OneWriter(Duration.ofMillis(100))) {
            aWriterWaitsItsTurnAtMostTheTimeout(writers);
        }
    }

    /**
     * store.timeout bounds the wait for a turn, not a write under way: one that has started and
     * outlasts it is waited for and its result given, never reported failed while it goes on to
     * commit (FutureTask.cancel "cancelled" running writes too: a callback saved, its caller told
     * the store failed).
     */
    @Test
    void aWriteThatHasStartedIsWaitedForPastTheTimeoutAndItsResultGiven() {
        try (var writers = new OneWriter(Duration.ofMillis(100))) {
            var finished = new java.util.concurrent.atomic.AtomicBoolean();
            String result = writers.inTurn("save a callback", () -> {
                sleep(400);
                finished.set(true);
                return "saved";
            });
            assertEquals("saved", result);
            assertTrue(finished.get());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void aWriterWaitsItsTurnAtMostTheTimeout(OneWriter writers) throws Exception {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> writers.inTurn("save a callback", () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holding.await();
        var e = assertThrows(StoreException.class, () -> writers.inTurn("look up caller 5551234", () -> "never"));
        assertTrue(e.getMessage().startsWith("look up caller 5551234: the database stayed locked for 100 ms"), e.getMessage());
        release.countDown();
        first.join();
        assertEquals("next", writers.inTurn("look up caller 5551234", () -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
