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
 *
 * <p>With a prompt ({@link ListenRequest#prompt()}), the prompt is sent to the caller
 * first, 20 ms per frame in real time from the moment Asterisk connects, while a
 * separate run of the classifier listens for the caller speaking over it: {@code Speech}
 * confirmed during the prompt stops the prompt at once and is the verdict (barge-in).
 * Anything else heard during the prompt is dropped, and the window starts when the
 * prompt ends, as if the prompt had been played on its own.
 */
public final class Listening {

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    private final UUID id;
    private final ListenRequest request;
    private final String target;
    private final long startedNanos;
    private volatile long windowStartNanos;
    private volatile long deadlineNanos;
    private final LineClassifier.Run run;
    private final Optional<PromptAudio> prompt;
    private final LineClassifier bargeInClassifier;
    private LineClassifier.Run bargeInRun;  // guarded by this; while the prompt plays
    private volatile long promptStartNanos;
    private volatile long promptEndNanos;
    private volatile long bargedInNanos;
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
        this.prompt = request.prompt();
        this.startedNanos = System.nanoTime();
        long promptNanos = prompt.map(p -> p.length().toNanos()).orElse(0L);
        this.windowStartNanos = startedNanos + promptNanos; // until Asterisk connects, assume it does at once
        this.deadlineNanos = windowStartNanos + request.quality().window().toNanos();
        if (prompt.isPresent()) {
            // the barge-in run covers the whole prompt if it can; a longer prompt restarts it
            long seconds = Math.clamp(prompt.get().length().toSeconds() + 1, 1, 30);
            this.bargeInClassifier = new LineClassifier(request.quality().withWindow(Duration.ofSeconds(seconds)));
            this.bargeInRun = bargeInClassifier.start();
        } else {
            this.bargeInClassifier = null;
        }
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

    /** From the start of the prompt to the caller's voice stopping it, if the caller barged in. */
    public Optional<Duration> bargedInAfter() {
        long at = bargedInNanos;
        return at == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(at - promptStartNanos));
    }

    /**
     * From the window's start (the prompt's end; {@code listen()} without a prompt) to the
     * verdict, once decided; zero for a barge-in, which came before the window.
     */
    public Optional<Duration> listenedFor() {
        if (!verdict.isDone()) return Optional.empty();
        return Optional.of(Duration.ofNanos(Math.max(0, decidedNanos - windowStartNanos)));
    }

    /** Whether a prompt is sent before the window. */
    public boolean playsPrompt() {
        return prompt.isPresent();
    }

    /** How long until the window ends (zero once past). */
    public Duration timeLeft() {
        return Duration.ofNanos(Math.max(0, remainingNanos()));
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
        if (prompt.isPresent()) {
            promptStartNanos = connectedNanos;
            promptEndNanos = connectedNanos + prompt.get().length().toNanos();
            windowStartNanos = promptEndNanos;
            deadlineNanos = promptEndNanos + request.quality().window().toNanos();
        }
        return true;
    }

    /**
     * Sends the prompt to the caller, one 20 ms frame at a time on a fixed schedule from
     * the connection; stops at once when the verdict is in (a barge-in) or the socket fails.
     */
    void play(OutputStream out) {
        if (prompt.isEmpty()) return;
        PromptAudio audio = prompt.get();
        for (int i = 0; i < audio.frames(); i++) {
            long sleep = promptStartNanos + i * 20_000_000L - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(sleep));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            synchronized (this) {
                if (verdict.isDone()) return;
                try {
                    out.write(audio.frame(i));
                    out.flush();
                } catch (IOException e) {
                    log.debug("{} prompt {} stopped: {}", request.callId(), audio.name(), e.toString());
                    return;
                }
            }
        }
    }

    synchronized void hear(byte[] pcm) {
        if (verdict.isDone()) return;
        if (bargeInRun != null) {
            if (System.nanoTime() < promptEndNanos) {
                hearOverPrompt(pcm);
                return;
            }
            bargeInRun.forget();   // the prompt is over: the window starts afresh
            bargeInRun = null;
        }
        run.acceptLittleEndian(pcm, 0, pcm.length);
        Optional<LineVerdict> early = run.early();
        if (early.isPresent()) {
            decide(early.get());
        } else if (run.full()) {
            decide(run.finish());
        }
    }

    /** The caller's audio while the prompt plays: only a confirmed, clear voice counts. */
    private void hearOverPrompt(byte[] pcm) {
        bargeInRun.acceptLittleEndian(pcm, 0, pcm.length);
        if (bargeInRun.early().orElse(null) instanceof LineVerdict.Speech speech) {
            bargedInNanos = System.nanoTime();
            log.info("{} barged in {} ms into prompt {}", request.callId(),
                    (bargedInNanos - promptStartNanos) / 1_000_000, prompt.map(PromptAudio::name).orElse(""));
            decide(speech);
        } else if (bargeInRun.full()) {
            bargeInRun.forget();
            bargeInRun = bargeInClassifier.start();
        }
    }

    synchronized void decideNow() {
        if (!verdict.isDone()) decide(run.finish());
    }

    private void decide(LineVerdict v) {
        run.forget();
        if (bargeInRun != null) {
            bargeInRun.forget();
            bargeInRun = null;
        }
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
        return run.holdsAudio() || (bargeInRun != null && bargeInRun.holdsAudio());
    }

    boolean isDone() {
        return verdict.isDone();
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }
}
