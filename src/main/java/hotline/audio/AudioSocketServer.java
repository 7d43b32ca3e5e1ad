package hotline.audio;

import hotline.config.LineQuality;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for Asterisk's {@code AudioSocket()} connections (docs/line-quality.md): one
 * virtual thread per connection. The AGI side first registers a {@link Listening} with
 * {@link #listen}, then runs {@code EXEC AudioSocket <listening.audioSocketArguments()>};
 * the connection names the listen by its UUID, streams the caller's audio, and is told
 * to hang up once the verdict is in. A listen with a prompt also sends the prompt's audio
 * (kind 0x10) to Asterisk, which plays it to the caller, on a second virtual thread.
 * Whatever a connection sends, it can only end itself.
 */
public final class AudioSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketServer.class);
    /** Asterisk sends the UUID frame at once; a connection silent for this long is dropped. */
    static final int IDENTIFY_TIMEOUT_MS = 2000;
    /** After the hangup frame, how long Asterisk may take to close its side. */
    static final int LINGER_MS = 2000;
    static final int MAX_CONNECTIONS = 1024;

    private final String bindAddress;
    private final int port;
    private final Map<UUID, Listening> listenings = new ConcurrentHashMap<>();
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionNumber = new AtomicLong();
    private ServerSocket serverSocket;
    private Thread acceptor;

    public AudioSocketServer(String bindAddress, int port) {
        this.bindAddress = bindAddress;
        this.port = port;
    }

    public static AudioSocketServer of(LineQuality quality) {
        return new AudioSocketServer(quality.bindAddress(), quality.port());
    }

    /** Binds and starts accepting; returns the bound port (useful when configured as 0). */
    public synchronized int start() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 64);
        acceptor = Thread.ofPlatform().name("audiosocket-accept").daemon().start(this::acceptLoop);
        log.info("AudioSocket listening on {}:{}", bindAddress, serverSocket.getLocalPort());
        return serverSocket.getLocalPort();
    }

    /**
     * Registers a listen before the dialplan's {@code AudioSocket(<id>,host:port)} connects.
     * Its window starts now: a connection that never comes is silence when it ends.
     */
    public Listening listen(UUID id, ListenRequest request) {
        if (serverSocket == null || serverSocket.isClosed()) {
            throw new IllegalStateException("the AudioSocket server is not listening: start() it first");
        }
        String target = bindAddress + ":" + serverSocket.getLocalPort();
        var listening = new Listening(id, request, target, done -> listenings.remove(done.id(), done));
        if (listenings.putIfAbsent(id, listening) != null) {
            throw new IllegalArgumentException("a listen with id " + id + " is already running");
        }
        listenings.values().removeIf(l -> l.remainingNanos() < -60_000_000_000L); // never awaited nor connected
        return listening;
    }

    /** Listens not yet decided (a test checks nothing leaks). */
    public int openListenings() {
        return listenings.size();
    }

    public int liveConnections() {
        return live.size();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                if (live.size() >= MAX_CONNECTIONS) {
                    log.warn("{} AudioSocket connections open: refusing one", live.size());
                    closeQuietly(socket);
                    continue;
                }
                live.add(socket);
                Thread.ofVirtual().name("audiosocket-" + connectionNumber.incrementAndGet()).start(() -> serve(socket));
            } catch (SocketException closed) {
                return; // close() closed the listening socket
            } catch (IOException e) {
                log.error("accept failed", e);
            }
        }
    }

    private void serve(Socket socket) {
        Listening listening = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDENTIFY_TIMEOUT_MS);
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1024));
            if (!(AudioFrame.read(in) instanceof AudioFrame.Identify(UUID id))) {
                log.warn("AudioSocket connection from {} did not start with its UUID: closed", socket.getRemoteSocketAddress());
                return;
            }
            listening = listenings.get(id);
            if (listening == null || !listening.attach(socket)) {
                log.warn("AudioSocket connection for {} which is not listening (unknown, over, or connected twice): hung up", id);
                socket.getOutputStream().write(AudioFrame.hangup());
                return;
            }
            if (listening.playsPrompt()) {
                var out = socket.getOutputStream();
                var playing = listening;
                Thread.ofVirtual().name(Thread.currentThread().getName() + "-prompt").start(() -> playing.play(out));
            }
            stream(listening, socket, in);
        } catch (EOFException e) {
            log.debug("AudioSocket connection ended");
        } catch (IOException | RuntimeException e) {
            log.warn("AudioSocket connection closed: {}", e.toString());
        } finally {
            live.remove(socket);
        }
    }

    /** Audio to the listen until it is decided, then wait for Asterisk to close. */
    private static void stream(Listening listening, Socket socket, DataInputStream in) throws IOException {
        long lingerUntil = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (listening.isDone() && lingerUntil == Long.MAX_VALUE) {
                lingerUntil = now + LINGER_MS * 1_000_000L;
            }
            long waitNanos = listening.isDone() ? lingerUntil - now : listening.remainingNanos();
            if (waitNanos <= 0) {
                if (listening.isDone()) return;    // Asterisk did not close in time
                listening.decideNow();             // the window is over
                continue;
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, waitNanos / 1_000_000)));
            AudioFrame frame;
            try {
                frame = AudioFrame.read(in);
            } catch (SocketTimeoutException e) {
                continue; // re-check the deadline; a partly read frame is garbage anyway next time round
            } catch (EOFException e) {
                return;   // Asterisk closed: the rest of the window is silence, decided at its end
            }
            switch (frame) {
                case AudioFrame.Audio(byte[] pcm) -> listening.hear(pcm);
                case AudioFrame.Hangup h -> { return; }
                case AudioFrame.Error(int code) -> {
                    log.warn("{} AudioSocket error 0x{} from Asterisk", listening.callId(), Integer.toHexString(code));
                    return;
                }
                case AudioFrame.Identify again -> { } // only the first one counts
                case AudioFrame.Skipped skipped -> { }
            }
        }
    }

    /** Stops accepting, decides every open listen on what it heard, and closes the connections. */
    @Override
    public synchronized void close() {
        if (serverSocket == null) return;
        closeQuietly(serverSocket);
        listenings.values().forEach(Listening::decideNow);
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
