package hotline.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Where the store's work runs for a call (a virtual thread); SQLite's writers: {@link OneWriterTest}. */
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
}
