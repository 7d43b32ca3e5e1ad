package hotline.agi;

import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.flow.CallbackBook;
import hotline.flow.Outcome;
import hotline.journal.JournalWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
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
 * The FastAGI server: one virtual thread per call, a hard limit on live calls that
 * answers the overflow with {@code HOTLINE_OUTCOME=server-busy} (never a silent
 * accept-and-close), and a drain on shutdown that lets live calls finish their script.
 */
public final class AgiServer implements AutoCloseable {

    /** The FastAGI script path the dialplan calls: agi://host:port/hotline */
    public static final String SCRIPT_PATH = "hotline";
    private static final Logger log = LoggerFactory.getLogger(AgiServer.class);

    private final Server settings;
    private final HotlineCall hotlineCall;
    private final AgiScript busy = (request, channel) ->
            new AgiCaller(channel, "en", "", new QueuePlaces(), java.util.Optional.empty()).setVariable(HotlineCall.OUTCOME_VARIABLE, new Outcome.ServerBusy().code());
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong callNumber = new AtomicLong();
    private final Object drained = new Object();
    private ServerSocket serverSocket;
    private Thread acceptor;

    public AgiServer(Supplier<HotlineConfig> config, JournalWriter journal, CallbackBook callbacks) {
        this(config, journal, callbacks, java.util.Optional.empty());
    }

    /** With the AudioSocket server that listening to the caller's audio needs (detector: audio). */
    public AgiServer(Supplier<HotlineConfig> config, JournalWriter journal, CallbackBook callbacks,
                     java.util.Optional<hotline.audio.AudioSocketServer> audio) {
        this.settings = config.get().server();
        this.hotlineCall = new HotlineCall(config, journal, callbacks, audio, Clock.systemUTC());
    }

    /** Binds and starts accepting; returns the bound port (useful when configured as 0). */
    public synchronized int start() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 256);
        acceptor = Thread.ofPlatform().name("agi-accept").start(this::acceptLoop);
        log.info("FastAGI listening on {}:{} (script path /{}, max {} calls)",
                settings.bindAddress(), serverSocket.getLocalPort(), SCRIPT_PATH, settings.maxCalls());
        return serverSocket.getLocalPort();
    }

    public int liveCalls() {
        return live.size();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                boolean overloaded = live.size() >= settings.maxCalls();
                live.add(socket);
                Thread.ofVirtual().name("call-" + callNumber.incrementAndGet())
                        .start(() -> handle(socket, overloaded));
            } catch (SocketException closed) {
                return; // stop() closed the listening socket
            } catch (IOException e) {
                log.error("accept failed", e);
            }
        }
    }

    private void handle(Socket socket, boolean overloaded) {
        try {
            if (overloaded) {
                log.warn("at the limit of {} calls: refusing one with server-busy", settings.maxCalls());
            }
            AgiScript script = overloaded ? busy : hotlineCall;
            MappingStrategy mapping = (request, channel) ->
                    SCRIPT_PATH.equals(request.getScript()) ? script : null;
            new FastAgiConnectionHandler(mapping, new AgiSocket(socket), new DefaultAgiChannelFactory()).run();
        } catch (IOException | RuntimeException e) {
            log.error("connection failed", e);
        } finally {
            closeQuietly(socket);
            live.remove(socket);
            synchronized (drained) {
                drained.notifyAll();
            }
        }
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
        long deadline = System.nanoTime() + grace.toNanos();
        log.info("draining: {} live call(s), grace {}s", live.size(), grace.toSeconds());
        synchronized (drained) {
            while (!live.isEmpty() && System.nanoTime() < deadline) {
                try {
                    drained.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
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
