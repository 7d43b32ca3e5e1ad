package hotline.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listen on one call, from {@link AudioSocketServer#listen} to its verdict. The
 * verdict comes when a voice is confirmed, or when the window ends (audio time or wall
 * time, whichever first); then the server sends AudioSocket's hangup frame so Asterisk's
 * {@code AudioSocket()} returns. No frame at all, or a connection that never came, is
 * silence. Samples live only while a frame is analysed; nothing of the audio is kept.
 */
public final class Listening {

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    private final UUID id;
    private final ListenRequest request;
    private final String target;
    private final long startedNanos;
    private final long deadlineNanos;
    private final LineClassifier.Run run;
    private final CompletableFuture<LineVerdict> verdict = new CompletableFuture<>();
    private final Consumer<Listening> onDecided;
    private Socket socket;              // guarded by this
    private boolean connected;          // guarded by this
    private volatile long connectedNanos;
    private volatile long decidedNanos;

    Listening(UUID id, ListenRequest request, String target, Consumer<Listening> onDecided) {
        this.id = id;
        this.request = request;
        this.target = target;
        this.onDecided = onDecided;
        this.run = new LineClassifier(request.quality()).start();
        this.startedNanos = System.nanoTime();
        this.deadlineNanos = startedNanos + request.quality().window().toNanos();
    }

    public UUID id() {
        return id;
    }

    /** The argument of the dialplan application: {@code EXEC AudioSocket <this>}, e.g. {@code <uuid>,127.0.0.1:4574}. */
    public String audioSocketArguments() {
        return id + "," + target;
    }

    /**
     * The verdict, waiting for it at most {@code atMost}; if that passes first (or the
     * thread is interrupted) the verdict is decided at once on what was heard so far.
     */
    public LineVerdict await(Duration atMost) {
        long waitNanos = Math.min(atMost.toNanos(), Math.max(0, deadlineNanos - System.nanoTime()));
        try {
            return verdict.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            decideNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            decideNow();
        } catch (ExecutionException e) {
            throw new IllegalStateException("listening " + id + " failed", e.getCause());
        }
        return verdict.join();
    }

    /** The verdict if already decided. */
    public Optional<LineVerdict> verdict() {
        return Optional.ofNullable(verdict.getNow(null));
    }

    /** From {@code listen()} to the verdict, once decided. */
    public Optional<Duration> decidedAfter() {
        return verdict.isDone() ? Optional.of(Duration.ofNanos(decidedNanos - startedNanos)) : Optional.empty();
    }

    /** From {@code listen()} to Asterisk's connection naming this listen, once it came. */
    public Optional<Duration> connectedAfter() {
        long at = connectedNanos;
        return at == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(at - startedNanos));
    }

    /** Ends the listen now (e.g. the caller hung up): decided on what was heard, Asterisk told to stop. */
    public void cancel() {
        decideNow();
    }

    // ---------------------------------------------------------------- the server's side

    String callId() {
        return request.callId();
    }

    /** Binds Asterisk's connection to this listen; false when one came already or it is over. */
    synchronized boolean attach(Socket s) {
        if (connected || verdict.isDone()) return false;
        connected = true;
        connectedNanos = System.nanoTime();
        socket = s;
        return true;
    }

    synchronized void hear(byte[] pcm) {
        if (verdict.isDone()) return;
        run.acceptLittleEndian(pcm, 0, pcm.length);
        Optional<LineVerdict> early = run.early();
        if (early.isPresent()) {
            decide(early.get());
        } else if (run.full()) {
            decide(run.finish());
        }
    }

    synchronized void decideNow() {
        if (!verdict.isDone()) decide(run.finish());
    }

    private void decide(LineVerdict v) {
        run.forget();
        decidedNanos = System.nanoTime();
        verdict.complete(v);
        log.info("{} line verdict {} after {} ms ({})", request.callId(), v.label(),
                (decidedNanos - startedNanos) / 1_000_000, v.features());
        hangUpAsterisk();
        onDecided.accept(this);
    }

    /** AudioSocket's hangup frame: Asterisk's AudioSocket() returns and the dialplan goes on. */
    private void hangUpAsterisk() {
        if (socket == null || socket.isClosed()) return;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(AudioFrame.hangup());
            out.flush();
        } catch (IOException e) {
            log.debug("{} hangup frame not sent: {}", request.callId(), e.toString());
        }
    }

    /** Whether samples of the caller are still in memory (never once decided). */
    synchronized boolean holdsAudio() {
        return run.holdsAudio();
    }

    boolean isDone() {
        return verdict.isDone();
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }
}
