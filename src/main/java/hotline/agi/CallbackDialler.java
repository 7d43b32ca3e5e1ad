package hotline.agi;

import hotline.config.Dialler;
import hotline.config.HotlineConfig;
import hotline.config.InboundScript.CallbackLine;
import hotline.store.AttemptResult;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import hotline.store.Claimant;
import hotline.store.StoreException;
import hotline.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places stored callbacks back, in arrival order, each at most once per attempt
 * (docs/callbacks.md#placing-callbacks-back). The lines are every queue the current script names
 * (the agents', the team lead's, each dialect queue), read again every round, so a reload that
 * adds a queue is served from the next round. Every {@code poll-every}, per line: when the
 * Asterisk queue of the same name has a member ready and nobody waiting, the oldest due
 * callback is claimed (the attempt is counted then) and originated into {@code [hotline-callback]}.
 * The OriginateResponse for that attempt closes it: answered → DONE, the agent still held in the
 * store for every node until the dialplan reports the callee queued; not answered → back in
 * line or FAILED. An attempt Asterisk never answers is closed as {@code no-response} after
 * ring-for plus {@link #RESPONSE_ALLOWANCE}; a late answer still makes it DONE.
 */
public final class CallbackDialler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackDialler.class);
    /** How often DIALLING rows left by a dead node are put back in line (more often for a lease under 4 min). */
    static final Duration RELEASE_EVERY = Duration.ofMinutes(1);
    /** The longest wait between two tries when Asterisk cannot be reached. */
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);
    /**
     * After answering, the callee hears the intro (about 8 s) before entering the queue: allow this
     * much. Also the lease of the store's hold on the agent, on every node, should the queued event be lost.
     */
    static final Duration INTRO_ALLOWANCE = Duration.ofMinutes(1);
    /**
     * The callee is in the queue (HotlineCallbackQueued, from Queue()'s B() gosub): the agent stays
     * held this much longer. Asterisk answers the agent a millisecond later but shows it in use
     * only when its device state follows, and in between the agent reads ready with nobody
     * waiting: TwoNodesIT saw the other node place the next callback 24 ms after the answer.
     */
    static final Duration QUEUED_SETTLE = Duration.ofSeconds(2);
    /** Beyond ring-for, how long an OriginateResponse may take before the attempt is closed unanswered. */
    static final Duration RESPONSE_ALLOWANCE = Duration.ofSeconds(30);
    /** close(): beyond ring-for, time for the last OriginateResponses to arrive. */
    static final Duration CLOSE_ALLOWANCE = Duration.ofSeconds(5);

    private final Dialler config;
    private final Supplier<List<CallbackLine>> lines;
    private final CallbackStore store;
    private final Switchboard board;
    private final Clock clock;
    private final Ticker ticker;
    private final Claimant claimant;
    private final DialsInFlight inFlight;
    private volatile boolean running;
    private volatile java.util.function.Consumer<String> onAttempt = result -> { };
    private Thread loop;
    private Instant lastRelease = Instant.MIN;
    private boolean earlierRunsReleased;

    /** The shipped script's lines (tests). */
    CallbackDialler(Dialler config, CallbackStore store, Switchboard board, Clock clock) {
        this(config, store, board, clock, Ticker.SYSTEM);
    }

    CallbackDialler(Dialler config, CallbackStore store, Switchboard board, Clock clock, Ticker ticker) {
        this(config, HotlineConfig.defaults().inbound()::callbackLines, store, board, clock, ticker);
    }

    /**
     * @param lines  the queues to serve and each one's whisper, asked every round (the current script's)
     * @param ticker the rounds' pauses and close()'s wait for the calls ringing
     */
    CallbackDialler(Dialler config, Supplier<List<CallbackLine>> lines, CallbackStore store, Switchboard board,
                    Clock clock, Ticker ticker) {
        this.config = config;
        this.lines = lines;
        this.store = store;
        this.board = board;
        this.clock = clock;
        this.ticker = ticker;
        this.inFlight = new DialsInFlight(ticker);
        this.claimant = Claimant.of(config.node());
        board.onEvent(this::on);
    }

    /**
     * The dialler over AMI on the hotline's clock, serving the lines {@code lines} names each round
     * (the current script's {@code InboundScript.callbackLines()}); call {@link #start()} to run it.
     */
    public static CallbackDialler overAmi(Dialler config, Supplier<List<CallbackLine>> lines, CallbackStore store,
                                         Clock clock, Ticker ticker) {
        return new CallbackDialler(config, lines, store, new AmiSwitchboard(config), clock, ticker);
    }

    /** Hands the result code of each attempt recorded ({@code reached}, {@code no-answer}, …) to {@code listener}. */
    public void onAttempt(java.util.function.Consumer<String> listener) {
        this.onAttempt = listener;
    }

    /** Starts the loop on a virtual thread; a lost AMI connection is retried with back-off. */
    public synchronized void start() {
        if (running) return;
        running = true;
        loop = Thread.ofVirtual().name("callback-dialler").start(this::run);
        log.info("callback dialler {}: {} every {}, ringing {}", claimant.id(), config.dial(), config.pollEvery(),
                config.ringFor());
    }

    private void run() {
        Duration backOff = config.pollEvery();
        while (running) {
            Duration pause = config.pollEvery();
            try {
                tick();
                backOff = config.pollEvery();
            } catch (Switchboard.SwitchboardException | StoreException e) {
                log.warn("callback dialler: {} ({}); trying again in {}", e instanceof StoreException
                        ? "store not reachable" : "Asterisk not reachable", e.getMessage(), backOff);
                pause = backOff;
                backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
            } catch (RuntimeException e) {
                log.error("callback dialler: round failed; trying again in {}", backOff, e);
                pause = backOff;
                backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
            }
            if (running) sleep(pause);
        }
    }

    /** One round: close attempts Asterisk never answered, put stale claims back, place what each line can take. */
    void tick() {
        Instant now = clock.instant();
        for (var d : inFlight.unansweredFor(config.ringFor().plus(RESPONSE_ALLOWANCE), now)) {
            log.warn("callback {} attempt {}: no OriginateResponse within ring-for + {}; back in line, counted",
                    d.id(), d.attempt(), RESPONSE_ALLOWANCE);
            record(d.id(), d.attempt(), AttemptResult.notReached(AttemptResult.NO_RESPONSE));
        }
        inFlight.forgetAnsweredOlderThan(config.ringFor().plus(INTRO_ALLOWANCE), now);
        renewClaims(); // before Asterisk: a node whose AMI is down still holds the calls it placed
        board.connect();
        if (!earlierRunsReleased) {
            store.releaseEarlierRuns(claimant);
            earlierRunsReleased = true;
            lastRelease = Instant.MIN; // and look for answers no node heard at once
        }
        if (!now.isBefore(lastRelease.plus(releaseEvery()))) {
            store.releaseStaleClaims();
            lastRelease = now;
            AnsweredUnheard.close(store, board, this::record);
        }
        for (CallbackLine served : lines.get()) {
            CallbackQueue queue = CallbackQueue.of(served.queue());
            Switchboard.Line line = board.line(queue.code());
            int free = toPlace(line, inFlight.holding(queue));
            for (int i = 0; i < free; i++) {
                // at most one callback DIALLING per ready agent, over every node sharing the store
                var next = store.claimNext(queue, claimant, line.ready());
                if (next.isEmpty()) break;
                place(next.get(), line, served.whisper());
            }
        }
    }

    /** The heartbeat: the claims whose calls still ring keep their lease while this node lives. */
    private void renewClaims() {
        Map<Long, Integer> open = inFlight.openAttempts();
        if (open.isEmpty()) return;
        var held = store.renewClaims(claimant, open);
        open.forEach((id, attempt) -> {
            if (held.contains(id)) return;
            log.warn("callback {} attempt {}: released as stale (this node could not renew it within {}); "
                    + "no longer this node's", id, attempt, store.claimLease()); // it holds none of our agents now
            inFlight.lost(id, attempt);
        });
    }

    /** A dead node's claims return at most a quarter of the lease after it ran out. */
    private Duration releaseEvery() {
        return min(RELEASE_EVERY, store.claimLease().dividedBy(4));
    }

    /**
     * How many callbacks a line can take now: none while a live caller waits (the queue gives
     * a ready member to that caller at once), else one per ready member not already held by
     * a callback that is ringing or hearing its intro.
     */
    static int toPlace(Switchboard.Line line, int inFlight) {
        return line.waiting() > 0 ? 0 : Math.max(0, line.ready() - inFlight);
    }

    private void place(CallbackRequest callback, Switchboard.Line line, String whisper) {
        long id = callback.id();
        int attempt = callback.attempts();
        Switchboard.Placement placement;
        try {
            placement = new Switchboard.Placement(id, attempt, config.dialString(callback.number().digits()),
                    config.ringFor(), CallbackVariables.of(callback, whisper, config.queueTimeout()));
        } catch (IllegalArgumentException bad) { // never reaches Asterisk; never stops the round
            store.setAside(id, bad.getMessage());
            return;
        }
        if (AnsweredUnheard.beforeRedial(callback, board)) { // its last try reached the callee after all
            record(id, attempt, AttemptResult.reached());
            return;
        }
        inFlight.placed(id, attempt, callback.queue(), clock.instant());
        log.info("callback {} ({}, attempt {}): placing {} ({} ready, {} waiting)", id, callback.queue().code(),
                attempt, placement.channel(), line.ready(), line.waiting());
        try {
            board.originate(placement);
        } catch (Switchboard.NotPlaced e) {
            inFlight.done(id);
            if (e.refused) {
                record(id, attempt, AttemptResult.notReached("not-placed"));
            } else if (store.putBackUnplaced(id, attempt)) {
                log.info("callback {}: not placed ({}), back in line, the attempt not counted", id, e.getMessage());
            }
            throw e;
        } catch (Switchboard.OutcomeUnknown e) {
            log.warn("callback {} attempt {}: {}", id, attempt, e.getMessage()); // stays open: never dialled twice
            throw e;
        }
    }

    /** What the switchboard reports about a placed call (also a late one, or one placed by an earlier run). */
    void on(DialEvent event) {
        long id = event.callbackId();
        switch (event) {
            case DialEvent.Answered a -> {
                inFlight.answered(id, a.attempt());
                record(id, a.attempt(), AttemptResult.reachedHolding(INTRO_ALLOWANCE));
            }
            case DialEvent.Unanswered u -> {
                inFlight.done(id);
                record(id, u.attempt(), AttemptResult.notReached(u.why()));
            }
            case DialEvent.Queued q -> {
                inFlight.done(id);
                endHolding(id, QUEUED_SETTLE);
                log.info("callback {} is in the queue at position 1 (Asterisk counts it waiting)", id);
            }
            case DialEvent.Ended e -> {
                inFlight.done(id);
                endHolding(id, Duration.ZERO);
                log.debug("callback {}: call ended", id);
            }
        }
    }

    /** Every node hears the dialplan's events: whichever is first frees the agent for all (the rest change nothing). */
    private void endHolding(long id, Duration after) {
        try {
            if (store.endHolding(id, after)) log.debug("callback {}: its agent is held {} ms more", id, after.toMillis());
        } catch (RuntimeException e) { // the hold's lease frees the agent anyway
            log.warn("callback {}: cannot end its hold on the agent ({}); it ends within {}", id, e.getMessage(),
                    INTRO_ALLOWANCE);
        }
    }

    private void record(long id, int attempt, AttemptResult result) {
        try {
            var after = store.recordAttempt(id, attempt, result);
            onAttempt.accept(result.code());
            log.info("callback {} attempt {}: {} -> {}", id, attempt, result.code(), after.state());
        } catch (IllegalStateException stale) {
            log.info("callback {} attempt {}: {} ignored ({})", id, attempt, result.code(), stale.getMessage());
        } catch (RuntimeException e) {
            log.error("callback {} attempt {}: cannot record {}", id, attempt, result.code(), e);
        }
    }

    /**
     * Stops placing, waits up to ring-for (and a few seconds for the responses) for the calls
     * already ringing, closes what is still open as {@code interrupted} (back in line, the attempt
     * counted), then logs off.
     */
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
        try {
            for (var d : inFlight.awaitAnswers(config.ringFor().plus(CLOSE_ALLOWANCE))) {
                record(d.id(), d.attempt(), AttemptResult.notReached(AttemptResult.INTERRUPTED));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        board.close();
    }

    private void sleep(Duration d) {
        try {
            ticker.sleep(d);
        } catch (InterruptedException e) {
            // close() wakes the loop; running says whether to go on
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
