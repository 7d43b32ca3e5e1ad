package hotline.audio;

import hotline.config.LineQuality;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AudioSocket session of a call: a listening stretch (docs/line-quality.md). From the
 * moment Asterisk connects until {@link #close()}, every frame of the caller's audio goes
 * to the {@link Ear} and every key the caller presses (AudioSocket's DTMF frames) is
 * queued, while the call's thread streams prompts, or silence, to the caller in real
 * time, 20 ms a frame. A prompt that may be answered falls silent at a voice's onset and
 * ends when the voice is confirmed (barge-in), or plays on after a false start.
 *
 * <p>Two threads: the connection's reader ({@link AudioSocketServer}) calls {@code hear},
 * {@code key} and {@code ended}; the call's thread calls the rest. State is guarded by this.
 */
public final class MediaSession {

    /** How a prompt ended. */
    public sealed interface Played {
        record Finished() implements Played {}
        record Pressed(char key) implements Played {}
        /** The caller's voice stopped it {@code into} the prompt (at its onset). */
        record BargedIn(Duration into) implements Played {}
    }

    /** How a listening window ended. */
    public sealed interface Listened {
        record Pressed(char key, Duration after) implements Listened {}
        record Decided(LineVerdict verdict, Duration after) implements Listened {}
    }

    /** The session is over from Asterisk's side: the caller hung up, or AudioSocket stopped. */
    public static final class Ended extends RuntimeException {
        Ended(String why) {
            super(why);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MediaSession.class);
    private static final long FRAME_NANOS = 20_000_000L;
    /** {@link #awaitFrameSlot}'s answer once the window or pause is over on the clock. */
    private static final long NO_SLOT = Long.MIN_VALUE;
    /**
     * How late the sender may be and still send the missed frames at once: three frames, well
     * inside what a phone's jitter buffer takes and Asterisk's audiohook sync tolerance (100 ms,
     * main/audiohook.c; a longer burst is dropped from MixMonitor and spies).
     */
    private static final long CATCH_UP_NANOS = 60_000_000L;
    /** Keys kept while nobody asks for them (a caller holding a key down cannot fill memory). */
    private static final int MAX_KEYS = 32;
    private static final int EARLY_EVERY_FRAMES = 5;
    /** After a false start, the prompt stays silent this much longer (a new onset holds it again). */
    private static final long RESUME_AFTER_NANOS = 250_000_000L;
    /** Beyond the longest burst the Ear leaves undecided (2 × confirm-voice-after) and its closing gap. */
    private static final long HOLD_SLACK_NANOS = 400_000_000L;

    private final UUID id;
    private final String target;
    private final String callId;
    private final Ear ear;
    private final long maxHoldNanos;
    private final Consumer<MediaSession> onClosed;
    private final ArrayDeque<Character> keys = new ArrayDeque<>();
    private OutputStream out;            // written by the call's thread only, once attached
    private Socket socket;
    private boolean connected;
    private boolean ended;
    private boolean closed;
    private boolean onset;               // a voice began: a prompt that may be answered holds still
    private boolean speech;              // a voice was confirmed since the flag was last cleared
    private long onsetNanos;
    private long holdUntilNanos;
    private long nextFrameNanos;
    private long connectedNanos;

    MediaSession(UUID id, LineQuality quality, String target, String callId, Consumer<MediaSession> onClosed) {
        this.id = id;
        this.target = target;
        this.callId = callId;
        this.ear = new Ear(quality);
        this.maxHoldNanos = 2 * quality.confirmVoiceAfter().toNanos() + HOLD_SLACK_NANOS;
        this.onClosed = onClosed;
    }

    public UUID id() {
        return id;
    }

    /** The argument of {@code EXEC AudioSocket}, e.g. {@code <uuid>,127.0.0.1:4574}. */
    public String audioSocketArguments() {
        return id + "," + target;
    }

    /** Waits until Asterisk connected; false when it did not within {@code atMost} or the session is over. */
    public synchronized boolean awaitConnected(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!connected && !ended && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            waitNanos(left);
        }
        return connected && !ended;
    }

    /** Whether the stream is up and neither side ended it. */
    public synchronized boolean isOpen() {
        return connected && !ended && !closed;
    }

    /** Plays a prompt to the end; a key of {@code keys} stops it; so does a voice when {@code voiceStops}. */
    public Played play(PromptAudio prompt, String keys, boolean voiceStops) {
        synchronized (this) {
            speech = false;
            onset = false;
        }
        long startedNanos = System.nanoTime();
        int frame = 0;
        while (frame < prompt.frames()) {
            long now = awaitFrameSlot(Long.MAX_VALUE); // a prompt plays all its frames: its length is its audio
            synchronized (this) {
                Optional<Character> key = takeKey(keys);
                if (key.isPresent()) return new Played.Pressed(key.get());
                if (voiceStops && speech) {
                    log.info("{} barged in {} ms into {}", callId, (onsetNanos - startedNanos) / 1_000_000, prompt.name());
                    return new Played.BargedIn(Duration.ofNanos(Math.max(0, onsetNanos - startedNanos)));
                }
                boolean hold = voiceStops && (heldByOnset(now) || now < holdUntilNanos);
                send(hold ? PromptAudio.SILENCE_FRAME : prompt.frame(frame), hold ? FrameAnalyser.SILENT_DB
                        : prompt.frameDb(frame), now);
                if (!hold) frame++;
            }
        }
        return new Played.Finished();
    }

    /**
     * A voice's onset holds the prompt until the caller's frames confirm or refute it, but on the
     * clock never longer than {@link #maxHoldNanos}: when those frames stop or fall behind (a
     * broken line, a machine under load) the prompt plays on instead of holding for ever.
     */
    private boolean heldByOnset(long now) {
        if (!onset) return false;
        if (now - onsetNanos <= maxHoldNanos) return true;
        onset = false;
        log.info("{} voice onset undecided after {} ms: the prompt plays on", callId, (now - onsetNanos) / 1_000_000);
        return false;
    }

    /**
     * Listens for at most {@code window} from now, sending silence; a key, a voice or the window's
     * end ends it. The window ends on the clock (a deadline), not after so many frames: when our
     * side or the caller's frames run late, it still ends on time and the verdict takes what arrived.
     */
    public Listened listen(Duration window, String keys) {
        synchronized (this) {
            speech = false;
        }
        long startedNanos = System.nanoTime();
        long deadline = heardFrom() + window.toNanos();
        for (int n = 1; ; n++) {
            long now = awaitFrameSlot(deadline);
            synchronized (this) {
                Duration after = Duration.ofNanos((now == NO_SLOT ? System.nanoTime() : now) - startedNanos);
                Optional<Character> key = takeKey(keys);
                if (key.isPresent()) return new Listened.Pressed(key.get(), after);
                if (speech) return new Listened.Decided(ear.early().orElse(new LineVerdict.Speech(LineFeatures.NOTHING)), after);
                if (n % EARLY_EVERY_FRAMES == 0 || now == NO_SLOT) {
                    Optional<LineVerdict> early = ear.early();
                    if (early.isPresent()) return new Listened.Decided(early.get(), after);
                }
                if (now == NO_SLOT) return new Listened.Decided(ear.verdict(), after);
                send(PromptAudio.SILENCE_FRAME, FrameAnalyser.SILENT_DB, now);
            }
        }
    }

    /**
     * Keeps the line open for {@code length}, sending silence; nothing stops it but the session's
     * end. Ends on the clock (a deadline): a stall of our side under load sends fewer frames (the
     * caller hears a gap of silence in the silence) but never makes the pause longer.
     */
    public void pause(Duration length) {
        long deadline = heardFrom() + length.toNanos();
        for (long now = awaitFrameSlot(deadline); now != NO_SLOT; now = awaitFrameSlot(deadline)) {
            synchronized (this) {
                send(PromptAudio.SILENCE_FRAME, FrameAnalyser.SILENT_DB, now);
            }
        }
    }

    /** When what we send next is heard: now, or when the frame just sent has played (its 20 ms slot ends). */
    private synchronized long heardFrom() {
        long now = System.nanoTime();
        return connected && nextFrameNanos - now > 0 ? nextFrameNanos : now;
    }

    /** The verdict on all that was heard so far (the journal and the tests read it). */
    public synchronized LineVerdict verdictSoFar() {
        return ear.verdict();
    }

    /** Ends the stream from our side: AudioSocket's hangup frame, so {@code EXEC AudioSocket} returns. */
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (connected && !ended) {
                try {
                    out.write(AudioFrame.hangup());
                    out.flush();
                } catch (IOException e) {
                    log.debug("{} hangup frame not sent: {}", callId, e.toString());
                }
            }
            ear.forget();
            notifyAll();
        }
        onClosed.accept(this);
    }

    // ---------------------------------------------------------------- the connection's side

    synchronized boolean attach(Socket socket) throws IOException {
        if (connected || closed) return false;
        out = socket.getOutputStream();
        this.socket = socket;
        connected = true;
        connectedNanos = System.nanoTime();
        nextFrameNanos = connectedNanos;
        notifyAll();
        return true;
    }

    synchronized void hear(byte[] pcm) {
        if (closed) return;
        switch (ear.hear(pcm, System.nanoTime())) {
            case ONSET -> {
                onset = true;
                onsetNanos = System.nanoTime() - Ear.ONSET_WINDOW * FRAME_NANOS;
            }
            case SPEECH -> {
                speech = true;
                onset = false;
            }
            case FALSE_START -> {
                // a first syllable often ends before the word does: wait a moment before going on
                onset = false;
                holdUntilNanos = System.nanoTime() + RESUME_AFTER_NANOS;
            }
            case NONE -> {
                return; // nothing the call's thread waits for: it wakes on its own 20 ms slot
            }
        }
        notifyAll();
    }

    synchronized void key(char key) {
        if (closed) return;
        if (keys.size() < MAX_KEYS) keys.add(key);
        notifyAll();
    }

    synchronized void ended() {
        ended = true;
        ear.forget();
        notifyAll();
    }

    /** Closes the connection if Asterisk has not ended it since our hangup frame (the linger is over). */
    synchronized void dropConnection() {
        if (socket == null || ended) return;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("{} connection not closed: {}", callId, e.toString());
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized boolean holdsAudio() {
        return ear.holdsAudio();
    }

    // ---------------------------------------------------------------- pacing

    /**
     * Waits for the next 20 ms slot (waking early for keys and voice events) and returns its time;
     * {@link #NO_SLOT} once {@code deadline} has passed, before the next slot is due (the slot is
     * left for the next step). Throws once the session is over.
     */
    private synchronized long awaitFrameSlot(long deadline) {
        while (true) {
            if (ended || closed) throw new Ended(callId + ": media session " + (ended ? "ended by Asterisk" : "closed"));
            long now = System.nanoTime();
            if (now - deadline >= 0) return NO_SLOT;
            if (now >= nextFrameNanos) {
                // a little late (the machine was busy for a moment): the missed slots go out at
                // once, as an RTP sender keeps its media clock, so the caller hears no gap. Late
                // by more (nothing played for a while, a long stall): start afresh from now; a
                // burst longer than that would be dropped by the far end, never heard
                if (now - nextFrameNanos > CATCH_UP_NANOS) nextFrameNanos = now;
                nextFrameNanos += FRAME_NANOS;
                return now;
            }
            waitNanos(Math.min(nextFrameNanos - now, deadline - now));
        }
    }

    private void send(byte[] frame, double db, long now) {
        try {
            out.write(frame);
            out.flush();
            ear.sent(db, now);
        } catch (IOException e) {
            ended = true;
            throw new Ended(callId + ": media session write failed: " + e);
        }
    }

    private Optional<Character> takeKey(String wanted) {
        while (!keys.isEmpty()) {
            char k = keys.poll();
            if (wanted.indexOf(k) >= 0) return Optional.of(k);
        }
        return Optional.empty();
    }

    private void waitNanos(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000), (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ended(callId + ": interrupted");
        }
    }
}
