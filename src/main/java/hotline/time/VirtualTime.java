package hotline.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock and ticker in virtual time: a sleep or a wait moves the time on by its length at
 * once (and gives up 1 ms of real time, so a timer loop cannot spin); the test moves it by hand
 * too. The server's timers then run a minute in milliseconds (tests), and a simulated call
 * (`hotline simulate`) runs its whole script in it. Safe to use from several threads.
 */
public final class VirtualTime extends Clock implements Ticker {

    private final Instant start;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public VirtualTime() {
        this(Instant.parse("2026-11-24T09:00:00Z"));
    }

    public VirtualTime(Instant start) {
        this.start = start;
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** Virtual time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    /** Every sleep and wait so far, in order, with its length. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration length) throws InterruptedException {
        Thread.sleep(1); // an interrupt ends it, as it would end a real sleep
        waits.add(length);
        advance(length);
    }

    /** Nothing notifies in virtual time unless the test does it first: the wait lasts all of {@code atMost}. */
    @Override
    public void awaitNotify(Object lock, Duration atMost) throws InterruptedException {
        lock.wait(1);
        waits.add(atMost);
        advance(atMost);
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
