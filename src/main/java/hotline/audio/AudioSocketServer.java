package hotline.audio;

import hotline.config.LineQuality;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for Asterisk's {@code AudioSocket()} connections (docs/line-quality.md): a few
 * {@link MediaLoop}s (one thread each, one per core) read and pace them all. The call's side first opens a {@link MediaSession}
 * ({@link #open}), then runs {@code EXEC AudioSocket <session.audioSocketArguments()>};
 * the connection names its session by UUID in its first frame, then streams the caller's
 * audio and keys to it until either side ends it.
 *
 * <p>What connects is untrusted: only peers {@code allowed} (loopback and the configured
 * Asterisk hosts) are heard; the UUID frame must arrive whole within
 * {@link #IDENTIFY_TIMEOUT_MS} (a total, however it trickles in); at most one connection per
 * session still waiting for its own, plus {@link #MAX_UNIDENTIFIED}, may be waiting to identify
 * (a burst of calls set up at once is never refused, strays are few); a session takes the first
 * connection only. Whatever a connection sends, it can only end itself.
 */
public final class AudioSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketServer.class);
    static final int IDENTIFY_TIMEOUT_MS = 2000;
    /** After our hangup frame, how long Asterisk may take to close its side. */
    static final int LINGER_MS = 2000;
    /** The fewest connections held at once, whatever server.max-calls says ({@link #connectionsFor}). */
    static final int MAX_CONNECTIONS = 1024;
    /** Connections identifying beyond the sessions waiting for one (strays, retries). */
    static final int MAX_UNIDENTIFIED = 32;
    /** Media threads: one per core (each paces and reads its share of the calls), at most 4. */
    static final int LOOPS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);

    private final String bindAddress;
    private final int port;
    private final Predicate<InetAddress> allowed;
    private final int maxConnections;
    private final Map<UUID, MediaSession> sessions = new ConcurrentHashMap<>();
    private final Set<SocketChannel> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unidentified = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger(); // connections a session took
    private final AtomicLong connectionNumber = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private ServerSocketChannel serverSocket;
    private final List<MediaLoop> loops = new ArrayList<>();

    private volatile hotline.time.Ticker ticker = hotline.time.Ticker.SYSTEM;

    public AudioSocketServer(String bindAddress, int port, Predicate<InetAddress> allowed) {
        this(bindAddress, port, allowed, MAX_CONNECTIONS);
    }

    private AudioSocketServer(String bindAddress, int port, Predicate<InetAddress> allowed, int maxConnections) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.allowed = allowed;
        this.maxConnections = maxConnections;
    }

    /** Loopback peers only. */
    public AudioSocketServer(String bindAddress, int port) {
        this(bindAddress, port, InetAddress::isLoopbackAddress);
    }

    /** The server of {@code quality}, holding the connections {@code maxCalls} live calls may have. */
    public static AudioSocketServer of(LineQuality quality, int maxCalls) {
        Set<InetAddress> hosts = quality.allowedPeers();
        return new AudioSocketServer(quality.bindAddress(), quality.port(),
                peer -> peer.isLoopbackAddress() || hosts.contains(peer), connectionsFor(maxCalls));
    }

    /**
     * A live call holds at most two connections (the one it listens on, and the last one still
     * lingering for Asterisk's close after our hangup frame), plus the ones identifying: a
     * server.max-calls above 496 no longer finds the listener full before itself.
     */
    static int connectionsFor(int maxCalls) {
        return Math.max(MAX_CONNECTIONS, 2 * maxCalls + MAX_UNIDENTIFIED);
    }

    /** Binds and starts accepting; returns the bound port (useful when configured as 0). */
    public synchronized int start() throws IOException {
        serverSocket = ServerSocketChannel.open();
        serverSocket.socket().setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 128);
        MediaLoop.Owner owner = new Owner();
        for (int i = 0; i < LOOPS; i++) loops.add(new MediaLoop("audiosocket-media-" + (i + 1), owner));
        Thread.ofPlatform().name("audiosocket-accept").daemon().start(this::acceptLoop);
        log.info("AudioSocket listening on {}:{} ({} media threads)", bindAddress, localPort(), LOOPS);
        return localPort();
    }

    private int localPort() {
        return serverSocket.socket().getLocalPort();
    }

    /** A new session for a call, waiting for Asterisk's connection. */
    public MediaSession open(String callId, LineQuality quality) {
        if (serverSocket == null || !serverSocket.isOpen()) {
            throw new IllegalStateException("the AudioSocket server is not listening: start() it first");
        }
        String target = bindAddress + ":" + localPort();
        var session = new MediaSession(UUID.randomUUID(), quality, target, callId, done -> sessions.remove(done.id(), done));
        sessions.put(session.id(), session);
        opened.incrementAndGet();
        return session;
    }

    /** Sessions not yet closed (a test checks nothing leaks). */
    public int openSessions() {
        return sessions.size();
    }

    /** Sessions opened since the start (the metrics). */
    public long sessionsOpened() {
        return opened.get();
    }

    /** Frames a session could not send because Asterisk had not read the one before (the metrics). */
    public long framesUnsent() {
        return loops.stream().mapToLong(MediaLoop::slotsLost).sum();
    }

    public int liveConnections() {
        return live.size();
    }

    /**
     * Sessions opened and not yet connected, about: a session that ended keeps its connection
     * counted while it lingers, which only lowers this (a tighter cap, never a looser one).
     */
    private int awaitingConnection() {
        return Math.max(0, sessions.size() - taken.get());
    }

    /** Connections refused: a peer not allowed, too many unidentified, a UUID late, unknown or taken. */
    public long refusedConnections() {
        return refused.get();
    }

    private void acceptLoop() {
        long backoffMs = 0;
        int next = 0;
        while (serverSocket.isOpen()) {
            try {
                SocketChannel channel = serverSocket.accept();
                backoffMs = 0;
                InetAddress peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
                if (live.size() >= maxConnections || !allowed.test(peer)
                        || unidentified.get() >= MAX_UNIDENTIFIED + awaitingConnection()) {
                    refused.incrementAndGet();
                    log.warn("AudioSocket connection from {} refused ({} open, {} unidentified)",
                            channel.getRemoteAddress(), live.size(), unidentified.get());
                    closeQuietly(channel);
                    continue;
                }
                live.add(channel);
                unidentified.incrementAndGet();
                loops.get(next++ % loops.size()).adopt(channel);
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                backoffMs = backOff(backoffMs, e);
            }
        }
    }

    /** The clock of the accept back-off (virtual in tests, as every timer of ours). */
    public AudioSocketServer ticking(hotline.time.Ticker newTicker) {
        this.ticker = newTicker;
        return this;
    }

    /** accept() failing (out of descriptors) must not spin: wait 10 ms, doubling to 1 s. */
    private long backOff(long lastMs, IOException e) {
        long next = lastMs == 0 ? 10 : Math.min(1000, lastMs * 2);
        if (lastMs == 0 || next == 1000) log.error("AudioSocket accept failed, retrying in {} ms: {}", next, e.toString());
        try {
            ticker.sleep(java.time.Duration.ofMillis(next));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return next;
    }

    /** The loops' side: which session a connection names, and what is left when it is gone. */
    private final class Owner implements MediaLoop.Owner {
        @Override
        public MediaSession attach(UUID id, MediaSession.Line line, long firstSlotNanos) {
            unidentified.decrementAndGet();
            MediaSession session = sessions.get(id);
            if (session == null || !session.attach(line, firstSlotNanos)) {
                refused.incrementAndGet();
                return null;
            }
            taken.incrementAndGet();
            return session;
        }

        @Override
        public void gone(SocketChannel channel, boolean identified, boolean timedOut, MediaSession attached) {
            if (!identified) unidentified.decrementAndGet();
            if (timedOut) refused.incrementAndGet();
            if (attached != null) {
                taken.decrementAndGet();
                attached.ended();
            }
            live.remove(channel);
        }
    }

    /** Stops accepting, ends every session and closes the connections. */
    @Override
    public synchronized void close() {
        if (serverSocket == null) return;
        closeQuietly(serverSocket);
        loops.forEach(MediaLoop::close);
        sessions.values().forEach(MediaSession::ended);
        live.forEach(AudioSocketServer::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out; nothing useful to do
        }
    }
}
