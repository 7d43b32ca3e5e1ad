package hotline.store;

import hotline.config.Store;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows' {@link CallbackBook}: the store, and when the store fails or takes longer than
 * {@code store.timeout}, the local spool, so that a confirmed request is durable somewhere
 * before the caller hears the promise. Each request carries a key; {@link #replay()} saves the
 * spooled ones under their keys when the store is back, so none is stored twice, not even one
 * whose slow save did commit after all.
 */
public final class SpoolingCallbackBook implements CallbackBook {

    private static final Logger log = LoggerFactory.getLogger(SpoolingCallbackBook.class);

    private final CallbackStore store;
    private final CallbackSpool spool;
    private final Duration deadline;
    private final Clock clock;

    public SpoolingCallbackBook(CallbackStore store, Store config, Clock clock) {
        this.store = store;
        this.spool = new CallbackSpool(config.spool());
        this.deadline = config.timeout().plus(config.timeout()); // a connection wait, then the statement
        this.clock = clock;
    }

    @Override
    public Booked book(CallbackBooking booking) {
        NewCallback request = StoreCallbackBook.request(booking);
        String key = UUID.randomUUID().toString();
        Instant askedAt = clock.instant();
        var save = new FutureTask<>(() -> store.save(request, Optional.of(key), askedAt));
        Thread.ofVirtual().name("callback-save").start(save);
        try {
            return new Booked.Stored(String.valueOf(save.get(deadline.toMillis(), TimeUnit.MILLISECONDS).id()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) throw bad; // a flow's bug, not a fault
            log.warn("callback store failed ({}): the request goes to the spool {}", e.getCause().getMessage(),
                    spool.file());
        } catch (TimeoutException e) {
            log.warn("callback store took over {}: the request goes to the spool {}", deadline, spool.file());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while saving: the request goes to the spool {}", spool.file());
        }
        spool.append(CallbackSpool.Entry.of(key, askedAt, request)); // throws when the disk fails too: no promise
        return new Booked.Stored("spool-" + key.substring(0, 8));
    }

    /** Saves every spooled request into the store (once each) and removes it; returns how many. */
    public int replay() {
        var entries = spool.entries();
        if (entries.isEmpty()) return 0;
        var saved = new HashSet<String>();
        for (var entry : entries) {
            try {
                var stored = store.save(entry.request(), Optional.of(entry.key()), entry.askedAt());
                saved.add(entry.key());
                log.info("spooled callback {} stored as callback {}", entry.key(), stored.id());
            } catch (StoreException e) {
                log.warn("callback store still failing ({}): {} request(s) stay in the spool", e.getMessage(),
                        entries.size() - saved.size());
                break;
            } catch (IllegalArgumentException bad) {
                log.error("spooled callback {} cannot be stored ({}): it stays in the spool for a person",
                        entry.key(), bad.getMessage());
            }
        }
        spool.remove(saved);
        return saved.size();
    }
}
