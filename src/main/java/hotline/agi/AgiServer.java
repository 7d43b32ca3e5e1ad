package hotline.agi;

import hotline.config.HotlineConfig;
import hotline.config.Script;
import hotline.config.ScriptSource;
import hotline.config.Server;
import hotline.flow.CallbackBook;
import hotline.flow.Outcome;
import hotline.flow.Routes;
import hotline.journal.JournalWriter;
import hotline.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server: one virtual thread per connection, a header checked as bytes
 * before anything runs ({@link AgiHeader}; a bad one ends as
 * {@code HOTLINE_OUTCOME=failed:bad-request}), a hard limit on live calls that answers
 * the overflow with {@code HOTLINE_OUTCOME=server-busy} (never a silent accept-and-close),
 * and a drain on shutdown that lets live calls finish their script. A connection counts
 * as a call only once its header is complete and valid.
 */
public final class AgiServer implements AutoCloseable {

    /** The inbound hotline's FastAGI script path: agi://host:port/hotline ({@link Routes}). */
    public static final String SCRIPT_PATH = Routes.INBOUND;
    /** The version of a script given as a plain supplier (tests), not through a {@link ScriptSource}. */
    public static final String UNVERSIONED = "0-unversioned";
    private static final Logger log = LoggerFactory.getLogger(AgiServer.class);

    private final Server settings;
    private final HotlineCall hotlineCall;
    private final Routes routes;
    private final Ticker ticker;
    private final AgiScript busy = (request, channel) ->
            new AgiCaller(channel, "en", "", java.util.Optional.empty()).setVariable(HotlineCall.OUTCOME_VARIABLE, new Outcome.ServerBusy().code());
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    /** Accepted connections whose header is not complete yet: never counted as calls. */
    private final Set<Socket> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionNumber = new AtomicLong();
    private final AcceptBackoff backoff = new AcceptBackoff();
    private final RateLimit acceptFailures = new RateLimit(1, Duration.ofSeconds(10));
    private final BadRequests badRequests;
    private volatile boolean draining;
    private final Object drained = new Object();
    private ServerSocket serverSocket;
    private Thread acceptor;

    public AgiServer(Supplier<HotlineConfig> config, JournalWriter journal, CallbackBook callbacks) {
        this(config, journal, callbacks, java.util.Optional.empty());
    }

    /** With the AudioSocket server that listening to the caller's audio needs (detector: audio). */
    public AgiServer(Supplier<HotlineConfig> config, JournalWriter journal, CallbackBook callbacks,
                     java.util.Optional<hotline.audio.AudioSocketServer> audio) {
        this(config.get().server(), () -> config.get().script(), Routes.standard(callbacks, Clock.systemUTC()), journal, audio,
                Clock.systemUTC(), Ticker.SYSTEM);
    }

    /**
     * @param settings the listener, its limits and drain (restart-only)
     * @param scripts  where each call takes its script snapshot at its start
     * @param routes   script path → flow; a call on any other path ends as failed:unknown-script
     */
    public AgiServer(Server settings, Supplier<Script> scripts, Routes routes, JournalWriter journal,
                     java.util.Optional<hotline.audio.AudioSocketServer> audio, Clock clock, Ticker ticker) {
        this(settings, routes, ticker, new HotlineCall(() -> new ScriptSource.Snapshot(scripts.get(), UNVERSIONED),
                routes, journal, audio, clock, ticker), new BadRequests(journal, clock));
    }

    /** Each call's journal line names the version of the snapshot it took ({@code script-version}). */
    public AgiServer(Server settings, ScriptSource scripts, Routes routes, JournalWriter journal,
                     java.util.Optional<hotline.audio.AudioSocketServer> audio, Clock clock, Ticker ticker) {
        this(settings, scripts, routes, journal, audio, clock, ticker, QueuePlaces.inMemory());
    }

    /** As above, with the queues' arrival order kept by {@code places} (shared by several nodes). */
    public AgiServer(Server settings, ScriptSource scripts, Routes routes, JournalWriter journal,
                     java.util.Optional<hotline.audio.AudioSocketServer> audio, Clock clock, Ticker ticker,
                     QueuePlaces places) {
        this(settings, routes, ticker, new HotlineCall(scripts::snapshot, routes, journal, audio, clock, ticker, places),
                new BadRequests(journal, clock));
    }

    private AgiServer(Server settings, Routes routes, Ticker ticker, HotlineCall hotlineCall, BadRequests badRequests) {
        this.settings = settings;
        this.ticker = ticker;
        this.routes = routes;
        this.hotlineCall = hotlineCall;
        this.badRequests = badRequests;
    }

    /** Binds and starts accepting; returns the bound port (useful when configured as 0). */
    public synchronized int start() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 256);
        acceptor = Thread.ofPlatform().name("agi-accept").start(this::acceptLoop);
        log.info("FastAGI listening on {}:{} (script paths {}, max {} calls)",
                settings.bindAddress(), serverSocket.getLocalPort(), routes.paths(), settings.maxCalls());
        return serverSocket.getLocalPort();
    }

    public int liveCalls() {
        return live.size();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
                backoff.succeeded();
            } catch (IOException e) {
                if (serverSocket.isClosed()) return; // drain() closed the listening socket
                if (!pauseAfter(e)) return;
                continue;
            }
            pending.add(socket);
            Thread.ofVirtual().name("agi-" + connectionNumber.incrementAndGet()).start(() -> handle(socket));
        }
    }

    /** accept() failed (EMFILE, ENFILE, ENOBUFS): log at a limited rate and back off; false when interrupted. */
    private boolean pauseAfter(IOException e) {
        if (acceptFailures.tryAcquire()) {
            log.error("accept failed: {} ({} more failures unlogged); backing off", e.toString(), acceptFailures.takeSuppressed());
        }
        try {
            ticker.sleep(backoff.failed());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void handle(Socket socket) {
        try {
            var reader = new AgiLineReader(socket);
            List<String> header;
            try {
                header = AgiHeader.read(reader, settings.headerTimeout());
            } catch (AgiHeader.Refused refused) {
                badRequests.refuse(socket, reader, refused);
                return;
            }
            Boolean overloaded = admit(socket);
            if (overloaded == null) return;
            if (overloaded) {
                log.warn("at the limit of {} calls: refusing one with server-busy", settings.maxCalls());
            }
            AgiScript script = overloaded ? busy : hotlineCall; // the call routes its path itself
            MappingStrategy mapping = (request, channel) -> script;
            var connection = new AgiSocket(socket, reader, header, settings.headerTimeout());
            new FastAgiConnectionHandler(mapping, connection, new DefaultAgiChannelFactory()).run();
        } catch (IOException | RuntimeException e) {
            log.error("connection failed", e);
        } finally {
            pending.remove(socket);
            closeQuietly(socket);
            live.remove(socket);
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /**
     * A connection becomes a call only now, with its whole header in and checked: true when
     * it is over the limit (or the server is draining) and gets server-busy, null when the
     * drain already closed it.
     */
    private Boolean admit(Socket socket) {
        synchronized (live) {
            pending.remove(socket);
            if (socket.isClosed()) return null;
            boolean overloaded = draining || live.size() >= settings.maxCalls();
            live.add(socket);
            return overloaded;
        }
    }

    /** Requests refused as failed:bad-request since the start. */
    public long badRequests() {
        return badRequests.refusedSoFar();
    }

    /** Connections still sending their header; they are not calls. */
    public int connectionsInHeader() {
        return pending.size();
    }

    /**
     * Stops accepting (new calls then fail over to the dialplan's fallback), waits up
     * to {@code grace} for live calls to finish, then cuts what is left.
     */
    public void drain(Duration grace) {
        synchronized (this) {
            if (serverSocket == null) return;
            closeQuietly(serverSocket);
        }
        synchronized (live) {
            // a connection still sending its header is no call: it never holds the drain
            draining = true;
            pending.forEach(AgiServer::closeQuietly);
        }
        long deadline = ticker.nanoTime() + grace.toNanos();
        log.info("draining: {} live call(s), grace {}s", live.size(), grace.toSeconds());
        synchronized (drained) {
            while (!live.isEmpty() && ticker.nanoTime() < deadline) {
                try {
                    ticker.awaitNotify(drained, Duration.ofNanos(deadline - ticker.nanoTime()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!live.isEmpty()) {
            log.warn("grace period over: cutting {} live call(s)", live.size());
            live.forEach(AgiServer::closeQuietly);
        }
        log.info("drained");
    }

    public void awaitStopped() throws InterruptedException {
        acceptor.join();
    }

    @Override
    public void close() {
        drain(Duration.ZERO);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out; nothing useful to do
        }
    }
}
