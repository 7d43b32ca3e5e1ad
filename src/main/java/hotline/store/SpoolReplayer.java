package hotline.store;

import hotline.time.Ticker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replays the spool at start and then every {@link #EVERY} until closed. */
public final class SpoolReplayer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);
    public static final Duration EVERY = Duration.ofSeconds(30);

    private final Thread thread;

    private SpoolReplayer(Thread thread) {
        this.thread = thread;
    }

    public static SpoolReplayer start(SpoolingCallbackBook book, Duration every) {
        return start(book, every, Ticker.SYSTEM);
    }

    /** Replays now, then every {@code every} of {@code ticker}'s time. */
    public static SpoolReplayer start(SpoolingCallbackBook book, Duration every, Ticker ticker) {
        return new SpoolReplayer(Thread.ofVirtual().name("spool-replay").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    book.replay();
                } catch (RuntimeException e) {
                    log.error("spool replay failed; trying again in {}", every, e);
                }
                try {
                    ticker.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
