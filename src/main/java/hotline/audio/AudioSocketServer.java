package hotline.audio;

import hotline.config.LineQuality;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for Asterisk's {@code AudioSocket()} connections (docs/line-quality.md): one
 * virtual thread per connection. The call's side first opens a {@link MediaSession}
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
    private static final int UUID_FRAME_BYTES = 3 + 16;

    private final String bindAddress;
    private final int port;
    private final Predicate<InetAddress> allowed;
    private final int maxConnections;
    private final Map<UUID, MediaSession> sessions = new ConcurrentHashMap<>();
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unidentified = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger(); // connections a session took
    private final AtomicLong connectionNumber = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private ServerSocket serverSocket;
    /** Drops a connection Asterisk did not end {@link #LINGER_MS} after our hangup frame (one timer per session). */
    private final ScheduledExecutorService lingering = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("audiosocket-linger").daemon().factory());

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
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 128);
        Thread.ofPlatform().name("audiosocket-accept").daemon().start(this::acceptLoop);
        log.info("AudioSocket listening on {}:{}", bindAddress, serverSocket.getLocalPort());
        return serverSocket.getLocalPort();
    }

    /** A new session for a call, waiting for Asterisk's connection. */
    public MediaSession open(String callId, LineQuality quality) {
        if (serverSocket == null || serverSocket.isClosed()) {
            throw new IllegalStateException("the AudioSocket server is not listening: start() it first");
        }
        String target = bindAddress + ":" + serverSocket.getLocalPort();
        var session = new MediaSession(UUID.randomUUID(), quality, target, callId, done -> {
            sessions.remove(done.id(), done);
            lingering.schedule(done::dropConnection, LINGER_MS, TimeUnit.MILLISECONDS);
        });
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
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                backoffMs = 0;
                if (live.size() >= maxConnections || !allowed.test(socket.getInetAddress())
                        || unidentified.get() >= MAX_UNIDENTIFIED + awaitingConnection()) {
                    refused.incrementAndGet();
                    log.warn("AudioSocket connection from {} refused ({} open, {} unidentified)",
                            socket.getRemoteSocketAddress(), live.size(), unidentified.get());
                    closeQuietly(socket);
                    continue;
                }
                live.add(socket);
                unidentified.incrementAndGet();
                Thread.ofVirtual().name("audiosocket-" + connectionNumber.incrementAndGet()).start(() -> serve(socket));
            } catch (SocketException closed) {
                if (serverSocket.isClosed()) return;
                backoffMs = backOff(backoffMs, closed);
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

    private void serve(Socket socket) {
        boolean identified = false;
        MediaSession attached = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            UUID id = readIdentity(socket);
            unidentified.decrementAndGet();
            identified = true;
            MediaSession session = sessions.get(id);
            if (session == null || !session.attach(socket)) {
                refused.incrementAndGet();
                log.warn("AudioSocket connection for {} which is not open (unknown, closed, or taken): hung up", id);
                socket.getOutputStream().write(AudioFrame.hangup());
                return;
            }
            attached = session;
            taken.incrementAndGet();
            stream(session, socket, new DataInputStream(new BufferedInputStream(socket.getInputStream(), 2048)));
        } catch (SocketTimeoutException e) {
            if (!identified) refused.incrementAndGet();
            log.warn("AudioSocket connection {}: {}", identified ? "went quiet" : "did not identify in time", e.getMessage());
        } catch (EOFException e) {
            log.debug("AudioSocket connection ended");
        } catch (IOException | RuntimeException e) {
            if (attached != null && attached.isClosed()) {
                log.debug("AudioSocket connection dropped after our hangup frame: {}", e.toString());
            } else {
                log.warn("AudioSocket connection closed: {}", e.toString());
            }
        } finally {
            if (!identified) unidentified.decrementAndGet();
            if (attached != null) {
                taken.decrementAndGet();
                attached.ended();
            }
            live.remove(socket);
        }
    }

    /**
     * The UUID frame, all 19 bytes within one deadline (a per-read timeout would let it trickle).
     * The deadline is one timer that closes the socket, not a socket timeout (a timer per read).
     */
    private UUID readIdentity(Socket socket) throws IOException {
        long deadline = System.nanoTime() + IDENTIFY_TIMEOUT_MS * 1_000_000L;
        var timer = lingering.schedule(() -> closeQuietly(socket), IDENTIFY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        byte[] frame = new byte[UUID_FRAME_BYTES];
        InputStream in = socket.getInputStream();
        int got = 0;
        try {
            while (got < frame.length) {
                int n = in.read(frame, got, frame.length - got);
                if (n < 0) throw new EOFException("closed before its UUID");
                got += n;
            }
        } catch (SocketException closed) {
            if (System.nanoTime() - deadline >= 0) {
                throw new SocketTimeoutException("no UUID frame within " + IDENTIFY_TIMEOUT_MS + " ms");
            }
            throw closed;
        } finally {
            timer.cancel(false);
        }
        if (!(AudioFrame.read(new DataInputStream(new java.io.ByteArrayInputStream(frame)))
                instanceof AudioFrame.Identify(UUID id))) {
            throw new java.net.ProtocolException("the first frame was not a UUID");
        }
        return id;
    }

    /** Audio and keys to the session until Asterisk ends the stream, or lingers after our hangup frame. */
    private static void stream(MediaSession session, Socket socket, DataInputStream in) throws IOException {
        // blocking reads, no socket timeout: a mute or stuck line is dropped by the linger timer
        while (true) {
            switch (AudioFrame.read(in)) {
                case AudioFrame.Audio(byte[] pcm) -> session.hear(pcm);
                case AudioFrame.Dtmf(char key) -> session.key(key);
                case AudioFrame.Hangup h -> { return; }
                case AudioFrame.Error(int code) -> {
                    log.warn("AudioSocket error 0x{} from Asterisk", Integer.toHexString(code));
                    return;
                }
                case AudioFrame.Identify again -> { } // only the first one counts
                case AudioFrame.Skipped skipped -> { }
            }
        }
    }

    /** Stops accepting, ends every session and closes the connections. */
    @Override
    public synchronized void close() {
        if (serverSocket == null) return;
        closeQuietly(serverSocket);
        lingering.shutdownNow();
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
