package hotline.app;

import hotline.agi.AgiServer;
import hotline.agi.CallbackDialler;
import hotline.agi.QueuePlaces;
import hotline.audio.AudioSocketServer;
import hotline.config.HotlineConfig;
import hotline.config.ScriptSource;
import hotline.config.Settings;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackLimits;
import hotline.flow.CallerHistory;
import hotline.flow.Routes;
import hotline.journal.JournalWriter;
import hotline.ops.Build;
import hotline.ops.Metrics;
import hotline.ops.NodeVersionPublisher;
import hotline.ops.ReloadResult;
import hotline.ops.Reloader;
import hotline.store.CallbackQueue;
import hotline.store.CallbackStore;
import hotline.store.SpoolReplayer;
import hotline.store.StoreRequestCounts;
import hotline.store.SpoolingCallbackBook;
import hotline.store.StoreCallerHistory;
import hotline.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline, assembled once from the config and a clock: the journal, the callback store with
 * its spool and limits, the AudioSocket server, the FastAGI server with its routes and the
 * script source, the callback dialler, the metrics and the admin endpoint (reload, scrape).
 * {@code serve}, the lab's tests and a simulator all build it here. {@link #stop} drains in the documented order (docs/operations.md).
 */
public final class Hotline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hotline.class);
    /** After the drain cut the last calls: how long their threads get to write their journal lines. */
    public static final Duration CUT_CALLS_WRITE = Duration.ofSeconds(5);

    private final Settings settings;
    private final ScriptSource scripts;
    private final JournalWriter journal;
    private final AgiServer server;
    private final Optional<AudioSocketServer> audio;
    private final Optional<CallbackDialler> dialler;
    private final Optional<SpoolReplayer> replayer;
    private final Optional<CallbackStore> store;
    private final QueuePlaces places;
    private final Ticker ticker;
    private final int agiPort;
    private final Metrics metrics;
    private final Admin admin;

    private Hotline(Builder b, ScriptSource scripts, JournalWriter journal, Optional<AudioSocketServer> audio,
                    CallbackBook book, CallerHistory callers, Optional<SpoolReplayer> replayer, Optional<CallbackStore> store,
                    Metrics metrics, QueuePlaces places) throws IOException {
        this.settings = b.config.settings();
        this.scripts = scripts;
        this.journal = journal;
        this.audio = audio;
        this.replayer = replayer;
        this.store = store;
        this.ticker = b.ticker;
        Routes routes = b.routes.orElseGet(() -> Routes.standard(book, callers, b.clock));
        this.places = places;
        this.server = new AgiServer(settings.server(), scripts, routes, journal, audio, b.clock, b.ticker, places);
        this.agiPort = server.start();
        this.metrics = metrics;
        try {
            this.admin = Admin.start(settings, b.file, scripts, metrics, server, audio, store, b.ticker);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.dialler = store.flatMap(s -> Dialling.start(settings.dialler(), () -> scripts.get().inbound().callbackLines(),
                s, b.clock, b.ticker, metrics::dialAttempt));
    }

    /** The assembly of {@code config}; {@link Builder#start()} opens and starts it. */
    public static Builder of(HotlineConfig config) {
        return new Builder(config);
    }

    /** What tests and a simulator may replace; by default, everything as {@code serve} runs it. */
    public static final class Builder {
        private final HotlineConfig config;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.SYSTEM;
        private Optional<CallbackBook> book = Optional.empty();
        private Optional<CallerHistory> callers = Optional.empty();
        private Optional<Routes> routes = Optional.empty();
        private boolean audioServer;
        private Optional<Path> file = Optional.empty();
        private Optional<String> fileHash = Optional.empty();

        private Builder(HotlineConfig config) {
            this.config = config;
        }

        public Builder clock(Clock newClock, Ticker newTicker) {
            this.clock = newClock;
            this.ticker = newTicker;
            return this;
        }

        /** Callback requests go to {@code newBook} as they are: no store, spool, limits nor dialler. */
        public Builder callbacks(CallbackBook newBook) {
            this.book = Optional.of(newBook);
            return this;
        }

        /** Callers looked up and reported in {@code history}; by default the store's, none with {@link #callbacks}. */
        public Builder callers(CallerHistory history) {
            this.callers = Optional.of(history);
            return this;
        }

        public Builder routes(Routes newRoutes) {
            this.routes = Optional.of(newRoutes);
            return this;
        }

        /**
         * The file {@code config} was read from ({@link hotline.config.ConfigFile}): reloads read it
         * again, and the script's version carries the hash of its text.
         */
        public Builder reloadsFrom(Path configFile, String contentHash) {
            this.file = Optional.of(configFile);
            this.fileHash = Optional.of(contentHash);
            return this;
        }

        /** Starts the AudioSocket server even when the script listens by energy (lab tests). */
        public Builder withAudioServer() {
            this.audioServer = true;
            return this;
        }

        public Hotline start() throws IOException {
            var opened = new ArrayList<AutoCloseable>();
            try {
                var scripts = fileHash.map(h -> new ScriptSource(config.script(), h))
                        .orElseGet(() -> new ScriptSource(config.script()));
                var journal = new JournalWriter(config.journal().file());
                opened.add(journal);
                var metrics = new Metrics();
                metrics.knowSteps(Reloader.promptKeys(config));
                journal.addRecordListener(metrics.calls(clock));
                Optional<CallbackStore> store = Optional.empty();
                Optional<SpoolReplayer> replayer = Optional.empty();
                CallbackBook calls;
                CallerHistory history = callers.orElse(CallerHistory.NONE);
                if (book.isPresent()) {
                    calls = book.get();
                } else {
                    // a waiting complaint keeps the team lead's line when its number asks again (Saves.merge)
                    var s = CallbackStore.open(config.store(), clock,
                            java.util.Set.of(CallbackQueue.of(config.inbound().complaint().queue())));
                    opened.add(s);
                    store = Optional.of(s);
                    log.info("callback store: {}", s.describe());
                    var spooling = new SpoolingCallbackBook(s, config.store(), clock);
                    var r = SpoolReplayer.start(spooling, SpoolReplayer.EVERY, ticker); // at start, then every 30 s
                    opened.add(r);
                    replayer = Optional.of(r);
                    calls = new CallbackLimits(spooling, () -> scripts.get().inbound().callbacks(), clock,
                            new StoreRequestCounts(s.callers()));
                    history = callers.orElseGet(() -> new StoreCallerHistory(s.callers()));
                    // which script each node follows, for `hotline nodes` and a node left out of a reload
                    opened.add(NodeVersionPublisher.start(s.nodes(), config.settings().dialler().node(), Build.version(),
                            scripts::snapshot, clock, ticker, metrics));
                }
                Optional<AudioSocketServer> audio = Optional.empty();
                if (audioServer || config.inbound().listening().listensToAudio()) {
                    var a = AudioSocketServer.of(config.lineQuality(), config.server().maxCalls()).ticking(ticker);
                    a.start();
                    opened.add(a);
                    audio = Optional.of(a);
                }
                QueuePlaces places = placesInLine(store, metrics);
                opened.add(places);
                return new Hotline(this, scripts, journal, audio, calls, history, replayer, store, metrics, places);
            } catch (IOException | RuntimeException e) {
                opened.reversed().forEach(Hotline::closeQuietly);
                throw e;
            }
        }

        /**
         * Several nodes on one PostgreSQL share who arrived first in each queue; on SQLite (one node)
         * this server's memory knows it (docs/operations.md#several-nodes).
         */
        private QueuePlaces placesInLine(Optional<CallbackStore> store, Metrics metrics) {
            var shared = store.flatMap(CallbackStore::sharedQueueArrivals);
            if (shared.isEmpty()) return QueuePlaces.inMemory();
            String node = config.settings().dialler().node();
            log.info("places in line shared through the store as node {}", node);
            return QueuePlaces.shared(shared.get(), node, clock, ticker, metrics::sharedStateFallback);
        }
    }

    /** The FastAGI port it listens on (the configured one, or the one bound for port 0). */
    public int agiPort() {
        return agiPort;
    }

    /** Where calls take their script snapshot; a reload swaps it. */
    public ScriptSource scripts() {
        return scripts;
    }

    /**
     * Reads the config file again and, when every check passes, swaps the script new calls take;
     * see {@link Reloader}. SIGHUP and POST /reload come here.
     */
    public ReloadResult reload() {
        return admin.reloader.reload();
    }

    /** The admin endpoint's port (POST /reload, GET /metrics); empty when {@code server.admin-port} is 0. */
    public Optional<Integer> adminPort() {
        return admin.server.map(hotline.ops.AdminServer::port);
    }

    public Metrics metrics() {
        return metrics;
    }

    public JournalWriter journal() {
        return journal;
    }

    public AgiServer server() {
        return server;
    }

    /** Blocks until the FastAGI server has stopped accepting (after {@link #stop}). */
    public void awaitStopped() throws InterruptedException {
        server.awaitStopped();
    }

    /**
     * The drain, in order: the dialler stops placing callbacks, the FastAGI server stops
     * accepting and gives live calls up to {@code grace}, cut calls write their journal lines,
     * then the AudioSocket server, the spool replayer, the journal and the store close.
     */
    public void stop(Duration grace) {
        dialler.ifPresent(CallbackDialler::close);
        server.drain(grace);
        awaitCutCalls();
        places.close();
        admin.server.ifPresent(hotline.ops.AdminServer::close);
        audio.ifPresent(AudioSocketServer::close);
        replayer.ifPresent(SpoolReplayer::close);
        journal.close();
        store.ifPresent(CallbackStore::close);
    }

    /** {@link #stop} with {@code server.drain-grace}. */
    @Override
    public void close() {
        stop(settings.server().drainGrace());
    }

    /** The calls the drain cut still run their last steps (hang-up, HOTLINE_OUTCOME, the journal line). */
    private void awaitCutCalls() {
        long deadline = ticker.nanoTime() + CUT_CALLS_WRITE.toNanos();
        while (server.liveCalls() > 0 && ticker.nanoTime() < deadline) {
            try {
                ticker.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (server.liveCalls() > 0) log.warn("{} cut call(s) still running after {}", server.liveCalls(), CUT_CALLS_WRITE);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
