package hotline.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start the drain once, on its own thread, and {@code serve} then exits 0:
 * a clean stop is a success for systemd and for ops. (The JVM's own handling would run the
 * drain in a shutdown hook and exit 143.) A shutdown for any other reason still drains, in
 * the hook. {@code sun.misc.Signal} is the JDK's supported way (module jdk.unsupported).
 */
final class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Runnable drain;

    private StopSignals(Runnable drain) {
        this.drain = drain;
    }

    static StopSignals install(Runnable drain) {
        var signals = new StopSignals(drain);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> {
                log.info("SIG{}: draining", s.getName());
                signals.startDrain();
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(signals::drainNowAndWait, "drain-on-exit"));
        return signals;
    }

    private void startDrain() {
        if (started.compareAndSet(false, true)) new Thread(this::runDrain, "drain").start();
    }

    private void drainNowAndWait() {
        if (started.compareAndSet(false, true)) runDrain();
        awaitDrained();
    }

    private void runDrain() {
        try {
            drain.run();
        } finally {
            done.countDown();
        }
    }

    /** Blocks until a drain, once started, has finished. */
    void awaitDrained() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
