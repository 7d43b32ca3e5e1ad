package hotline.agi;

import hotline.config.Dialler;
import hotline.store.AttemptResult;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places stored callbacks back, in arrival order (docs/callbacks.md#placing-callbacks-back).
 * Every {@code poll-every}, per line: when the Asterisk queue of the same name has a member
 * ready and nobody waiting, the oldest due callback is claimed and originated into the
 * {@code [hotline-callback]} dialplan, which plays the intro and queues the callee at
 * position 1. Answered → DONE; not answered → the store retries or marks it FAILED.
 */
public final class CallbackDialler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackDialler.class);
    /** How often DIALLING rows left by a dead node are put back in line. */
    static final Duration RELEASE_EVERY = Duration.ofMinutes(1);
    /** The longest wait between two tries when Asterisk cannot be reached. */
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);
    /** After answering, the callee hears the intro before entering the queue: allow this much. */
    static final Duration INTRO_ALLOWANCE = Duration.ofMinutes(1);

    private final Dialler config;
    private final CallbackStore store;
    private final Switchboard board;
    private final Clock clock;
    /** Callbacks placed and not yet in the queue or ended: each holds a ready member. */
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread loop;
    private Instant lastRelease = Instant.MIN;

    CallbackDialler(Dialler config, CallbackStore store, Switchboard board, Clock clock) {
        this.config = config;
        this.store = store;
        this.board = board;
        this.clock = clock;
        board.onEvent(this::on);
    }

    /** The dialler over AMI as the config says; call {@link #start()} to run it. */
    public static CallbackDialler overAmi(Dialler config, CallbackStore store) {
        return new CallbackDialler(config, store, new AmiSwitchboard(config), Clock.systemUTC());
    }

    /** Starts the loop on a virtual thread; a lost AMI connection is retried with back-off. */
    public synchronized void start() {
        if (running) return;
        running = true;
        loop = Thread.ofVirtual().name("callback-dialler").start(this::run);
        log.info("callback dialler: {} every {}, ringing {}", config.dial(), config.pollEvery(), config.ringFor());
    }

    private void run() {
        Duration backOff = config.pollEvery();
        while (running) {
            Duration pause = config.pollEvery();
            try {
                tick();
                backOff = config.pollEvery();
            } catch (Switchboard.SwitchboardException e) {
                log.warn("callback dialler: Asterisk not reachable ({}); trying again in {}", e.getMessage(), backOff);
                pause = backOff;
                backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
            } catch (RuntimeException e) {
                log.error("callback dialler: round failed; trying again in {}", backOff, e);
                pause = backOff;
                backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
            }
            sleep(pause);
        }
    }

    /** One round: put stale claims back now and then, then place what each line can take. */
    void tick() {
        board.connect();
        Instant now = clock.instant();
        if (!now.isBefore(lastRelease.plus(RELEASE_EVERY))) {
            store.releaseStaleClaims();
            lastRelease = now;
        }
        inFlight.values().removeIf(f -> f.since().plus(config.ringFor()).plus(INTRO_ALLOWANCE).isBefore(now));
        for (CallbackQueue queue : CallbackQueue.values()) {
            Switchboard.Line line = board.line(queue.code());
            int free = toPlace(line, inFlight(queue));
            for (int i = 0; i < free; i++) {
                var next = store.claimNext(queue);
                if (next.isEmpty()) break;
                place(next.get(), line);
            }
        }
    }

    /**
     * How many callbacks a line can take now: none while a live caller waits (the queue gives
     * a ready member to that caller at once), else one per ready member not already held by
     * a callback that is ringing or hearing its intro.
     */
    static int toPlace(Switchboard.Line line, int inFlight) {
        return line.waiting() > 0 ? 0 : Math.max(0, line.ready() - inFlight);
    }

    private int inFlight(CallbackQueue queue) {
        return (int) inFlight.values().stream().filter(f -> f.queue() == queue).count();
    }

    private void place(CallbackRequest callback, Switchboard.Line line) {
        String channel = config.dialString(callback.number().digits());
        inFlight.put(callback.id(), new InFlight(callback.queue(), clock.instant()));
        log.info("callback {} ({}, attempt {}): placing {} ({} ready, {} waiting)", callback.id(),
                callback.queue().code(), callback.attempts() + 1, channel, line.ready(), line.waiting());
        try {
            board.originate(new Switchboard.Placement(callback.id(), channel, config.ringFor(), variables(callback)));
        } catch (RuntimeException e) {
            on(new DialEvent.Unanswered(callback.id(), "not-placed"));
            throw e;
        }
    }

    /** The channel variables the {@code [hotline-callback]} dialplan reads. */
    Map<String, String> variables(CallbackRequest callback) {
        var vars = new LinkedHashMap<String, String>();
        vars.put("HOTLINE_CALLBACK_ID", String.valueOf(callback.id()));
        vars.put("HOTLINE_CALLBACK_QUEUE", callback.queue().code());
        vars.put("HOTLINE_CALLBACK_LANGUAGE", callback.language());
        vars.put("HOTLINE_CALLBACK_TIMEOUT", String.valueOf(config.queueTimeout().toSeconds()));
        if (callback.queue() == CallbackQueue.TEAMLEAD) {
            vars.put("HOTLINE_CALLBACK_GOSUB", "teamlead-whisper"); // the team lead hears the details (§6)
        }
        // "__": inherited by the agent's channel the queue creates, as for live callers
        vars.put("__HOTLINE_CALLER", callback.number().digits());
        vars.put("__HOTLINE_WAITED", String.valueOf(callback.caller().waited().toSeconds()));
        callback.recording().ifPresent(r -> vars.put("__HOTLINE_STATEMENT", r));
        return vars;
    }

    /** What the switchboard reports about a placed call. */
    void on(DialEvent event) {
        long id = event.callbackId();
        try {
            switch (event) {
                case DialEvent.Answered a -> {
                    var after = store.recordAttempt(id, AttemptResult.reached());
                    log.info("callback {} answered: {}", id, after.state());
                }
                case DialEvent.Unanswered u -> {
                    inFlight.remove(id);
                    var after = store.recordAttempt(id, AttemptResult.notReached(u.why()));
                    log.info("callback {} not reached ({}): {} after {} attempt(s)", id, u.why(), after.state(),
                            after.attempts());
                }
                case DialEvent.Queued q -> {
                    inFlight.remove(id);
                    log.info("callback {} is in the queue at position 1", id);
                }
                case DialEvent.Ended e -> {
                    inFlight.remove(id);
                    log.debug("callback {}: call ended", id);
                }
            }
        } catch (RuntimeException e) {
            log.error("callback {}: cannot record {}", id, event, e);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = loop;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        board.close();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            // close() wakes the loop; running says whether to go on
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record InFlight(CallbackQueue queue, Instant since) {}
}
