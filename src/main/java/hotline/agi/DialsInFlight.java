package hotline.agi;

import hotline.store.CallbackQueue;
import hotline.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callbacks this dialler has placed and not finished with. Until Asterisk says how the
 * attempt went the callback is open (DIALLING in the store); once answered it still holds the
 * ready agent it was placed for until the callee is queued or the call ends.
 */
final class DialsInFlight {

    /** One placed call. {@code answered}: the OriginateResponse said so; the agent is still held. */
    record Dial(long id, int attempt, CallbackQueue queue, Instant since, boolean answered) {}

    private final Map<Long, Dial> dials = new ConcurrentHashMap<>();
    private final Ticker ticker;

    DialsInFlight(Ticker ticker) {
        this.ticker = ticker;
    }

    synchronized void placed(long id, int attempt, CallbackQueue queue, Instant now) {
        dials.put(id, new Dial(id, attempt, queue, now, false));
    }

    synchronized void answered(long id, int attempt) {
        dials.computeIfPresent(id, (k, d) -> d.attempt() == attempt ? new Dial(id, attempt, d.queue(), d.since(), true) : d);
        notifyAll();
    }

    /** The call ended, was queued, or the attempt was closed: the agent is free again. */
    synchronized void done(long id) {
        dials.remove(id);
        notifyAll();
    }

    /** The attempts still waiting for Asterisk's answer (id → attempt): their claims need renewing. */
    synchronized Map<Long, Integer> openAttempts() {
        var open = new java.util.HashMap<Long, Integer>();
        dials.values().stream().filter(d -> !d.answered()).forEach(d -> open.put(d.id(), d.attempt()));
        return open;
    }

    /** The store no longer has this attempt as ours (released as stale): it holds no agent of ours. */
    synchronized void lost(long id, int attempt) {
        dials.computeIfPresent(id, (k, d) -> d.attempt() == attempt && !d.answered() ? null : d);
        notifyAll();
    }

    /** Callbacks holding an agent of {@code queue}. */
    int holding(CallbackQueue queue) {
        return (int) dials.values().stream().filter(d -> d.queue().equals(queue)).count();
    }

    /** Open attempts older than {@code wait}: Asterisk never answered them. Removed from the map. */
    synchronized List<Dial> unansweredFor(Duration wait, Instant now) {
        var overdue = dials.values().stream().filter(d -> !d.answered() && d.since().plus(wait).isBefore(now)).toList();
        overdue.forEach(d -> dials.remove(d.id()));
        return overdue;
    }

    /** Answered callbacks that never reported being queued: the agent is not held for ever. */
    synchronized void forgetAnsweredOlderThan(Duration hold, Instant now) {
        dials.values().removeIf(d -> d.answered() && d.since().plus(hold).isBefore(now));
    }

    /** Waits (the ticker's time) up to {@code atMost} until no attempt is open; returns the ones still open, removed. */
    synchronized List<Dial> awaitAnswers(Duration atMost) throws InterruptedException {
        long deadline = ticker.nanoTime() + atMost.toNanos();
        while (dials.values().stream().anyMatch(d -> !d.answered())) {
            long left = deadline - ticker.nanoTime();
            if (left <= 0) break;
            ticker.awaitNotify(this, Duration.ofNanos(left));
        }
        var open = dials.values().stream().filter(d -> !d.answered()).toList();
        open.forEach(d -> dials.remove(d.id()));
        return open;
    }
}
