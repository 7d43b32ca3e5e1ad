package hotline.audio;

import hotline.config.LineQuality;
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
 * <p>Two threads: the media loop ({@link MediaLoop}, one for many sessions) calls {@code hear},
 * {@code key}, {@code ended} and, every 20 ms, {@code tick}, which sends the step's next frame;
 * the call's thread starts a step (play, listen, pause) and waits until it ends, without waking
 * for each frame. State is guarded by this.
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

    /** The connection a session streams on, as the media loop holds it (its thread only). */
    interface Line {
        /** Sends one frame; false when the socket could not take it (the frame is not counted as sent). */
        boolean send(byte[] frame);

        /** Sends our hangup frame, then drops the connection if Asterisk does not close it (from any thread). */
        void hangUp();
    }

    /** The session is over from Asterisk's side: the caller hung up, or AudioSocket stopped. */
    public static final class Ended extends RuntimeException {
        Ended(String why) {
            super(why);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MediaSession.class);
    private static final long FRAME_NANOS = MediaLoop.FRAME_NANOS;
    /**
     * How late the sender may be and still send the missed frames at once: three frames, well
     * inside what a phone's jitter buffer takes and Asterisk's audiohook sync tolerance (100 ms,
     * main/audiohook.c; a longer burst is dropped from MixMonitor and spies).
     */
    private static final long CATCH_UP_NANOS = 60_000_000L;
    /** Keys kept while nobody asks for them (a caller holding a key down cannot fill memory). */
    private static final int MAX_KEYS = 32;
    private static final int EARLY_EVERY_FRAMES = 5;
    /** How long the call's thread sleeps at most while a prompt plays (it is woken when it ends). */
    private static final long PLAY_WAIT_NANOS = 1_000_000_000L;

    private enum Step { IDLE, PLAY, LISTEN, PAUSE }

    private static final Object PAUSED = new Object();

    private final UUID id;
    private final String target;
    private final String callId;
    private final Ear ear;
    private final VoiceHold hold;
    private final Consumer<MediaSession> onClosed;
    private final ArrayDeque<Character> keys = new ArrayDeque<>();
    private Line line;
    private boolean connected;
    private boolean ended;
    private boolean closed;
    private long nextFrameNanos;         // the slot of the next frame we send
    // the step under way, set by the call's thread, advanced by the loop's ticks
    private Step step = Step.IDLE;
    private PromptAudio prompt;
    private int promptFrame;
    private String wanted = "";
    private boolean voiceStops;
    private long stepStartedNanos;
    private long stepDeadline;           // a listen's or pause's end on the clock
    private int stepFrames;
    private Object outcome;              // the Played or Listened that ended the step

    MediaSession(UUID id, LineQuality quality, String target, String callId, Consumer<MediaSession> onClosed) {
        this.id = id;
        this.target = target;
        this.callId = callId;
        this.ear = new Ear(quality);
        this.hold = new VoiceHold(quality.confirmVoiceAfter());
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
    public synchronized Played play(PromptAudio audio, String keys, boolean voiceStops) {
        begin(Step.PLAY, keys);
        hold.clear();
        this.prompt = audio;
        this.promptFrame = 0;
        this.voiceStops = voiceStops;
        takeKey(keys).ifPresent(k -> end(new Played.Pressed(k)));
        if (audio.frames() == 0) end(new Played.Finished());
        // a prompt plays all its frames: its length is its audio, so no deadline of our own
        while (outcome == null) {
            ensureOpen();
            waitNanos(PLAY_WAIT_NANOS);
        }
        return (Played) finish();
    }

    /**
     * Listens for at most {@code window} from now, sending silence; a key, a voice or the window's
     * end ends it. The window ends on the clock (a deadline), not after so many frames: when our
     * side or the caller's frames run late, it still ends on time and the verdict takes what arrived.
     */
    public synchronized Listened listen(Duration window, String keys) {
        long deadline = heardFrom() + window.toNanos();
        begin(Step.LISTEN, keys);
        stepDeadline = deadline;
        takeKey(keys).ifPresent(k -> end(new Listened.Pressed(k, Duration.ZERO)));
        while (outcome == null) {
            ensureOpen();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                Duration after = Duration.ofNanos(System.nanoTime() - stepStartedNanos);
                end(new Listened.Decided(ear.early().orElseGet(ear::verdict), after));
                break;
            }
            waitNanos(left);
        }
        return (Listened) finish();
    }

    /**
     * Keeps the line open for {@code length}, sending silence; nothing stops it but the session's
     * end. Ends on the clock (a deadline): a stall of our side under load sends fewer frames (the
     * caller hears a gap of silence in the silence) but never makes the pause longer.
     *
     * <p>A listen or pause ends when the loop sent its last frame (the one whose slot ends at the
     * deadline), as a prompt does: the call's thread then has a whole slot to start the next step,
     * whose first frame follows without a gap. Its own deadline is the backstop when the loop is late.
     */
    public synchronized void pause(Duration length) {
        long deadline = heardFrom() + length.toNanos();
        begin(Step.PAUSE, "");
        stepDeadline = deadline;
        while (outcome == null) {
            ensureOpen();
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            waitNanos(left);
        }
        finish();
    }

    /** When what we send next is heard: now, or when the frame just sent has played (its 20 ms slot ends). */
    private long heardFrom() {
        long now = System.nanoTime();
        return connected && nextFrameNanos - now > 0 ? nextFrameNanos : now;
    }

    private void begin(Step next, String keys) {
        ensureOpen();
        step = next;
        wanted = keys;
        outcome = null;
        stepFrames = 0;
        stepStartedNanos = System.nanoTime();
    }

    private void end(Object result) {
        if (outcome != null) return;
        outcome = result;
        step = Step.IDLE;
        notifyAll();
    }

    private Object finish() {
        Object result = outcome;
        step = Step.IDLE;
        outcome = null;
        return result;
    }

    private void ensureOpen() {
        if (ended || closed || !connected) {
            step = Step.IDLE;
            throw new Ended(callId + ": media session " + (ended ? "ended by Asterisk" : closed ? "closed" : "not connected"));
        }
    }

    /** The verdict on all that was heard so far (the journal and the tests read it). */
    public synchronized LineVerdict verdictSoFar() {
        return ear.verdict();
    }

    /** Ends the stream from our side: AudioSocket's hangup frame, so {@code EXEC AudioSocket} returns. */
    public void close() {
        Line hangUp = null;
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (connected && !ended) hangUp = line;
            ear.forget();
            notifyAll();
        }
        if (hangUp != null) hangUp.hangUp();
        onClosed.accept(this);
    }

    // ---------------------------------------------------------------- the media loop's side

    /** Asterisk connected: frames go out from {@code firstSlotNanos}, one per 20 ms. */
    synchronized boolean attach(Line connection, long firstSlotNanos) {
        if (connected || closed) return false;
        line = connection;
        connected = true;
        nextFrameNanos = firstSlotNanos;
        notifyAll();
        return true;
    }

    /**
     * The loop's 20 ms slot {@code slot}: sends the frames due by then (a few at once when the
     * loop ran a little late, as an RTP sender keeps its media clock; late by more, it starts
     * afresh, since a longer burst would be dropped by the far end, never heard).
     */
    synchronized void tick(long slot, long now, Line to) {
        if (!connected || ended || closed) return;
        if (slot - nextFrameNanos > CATCH_UP_NANOS) nextFrameNanos = slot;
        while (slot - nextFrameNanos >= 0) {
            nextFrameNanos += FRAME_NANOS;
            boolean sent = sendSlot(now, to);
            boolean timed = step == Step.LISTEN || step == Step.PAUSE;
            if (timed && nextFrameNanos - stepDeadline >= 0) endOnTheClock(now); // that was its last frame
            if (!sent) return; // the socket is full: the slot is lost, the clock goes on
        }
    }

    private void endOnTheClock(long now) {
        if (step == Step.PAUSE) end(PAUSED);
        else end(new Listened.Decided(ear.early().orElseGet(ear::verdict), Duration.ofNanos(now - stepStartedNanos)));
    }

    private boolean sendSlot(long now, Line to) {
        if (step != Step.PLAY) {
            if (!to.send(PromptAudio.SILENCE_FRAME)) return false;
            ear.sent(FrameAnalyser.SILENT_DB, now);
            if (step == Step.LISTEN && ++stepFrames % EARLY_EVERY_FRAMES == 0) {
                ear.early().ifPresent(v -> end(new Listened.Decided(v, Duration.ofNanos(now - stepStartedNanos))));
            }
            return true;
        }
        boolean held = voiceStops && hold.holds(now, ms -> log.info("{} voice onset undecided after {} ms: the prompt plays on", callId, ms));
        if (!to.send(held ? PromptAudio.SILENCE_FRAME : prompt.frame(promptFrame))) return false;
        ear.sent(held ? FrameAnalyser.SILENT_DB : prompt.frameDb(promptFrame), now);
        if (!held && ++promptFrame >= prompt.frames()) end(new Played.Finished());
        return true;
    }

    synchronized void hear(byte[] pcm) {
        if (closed) return;
        long now = System.nanoTime();
        switch (ear.hear(pcm, now)) {
            case ONSET -> hold.onset(now - Ear.ONSET_WINDOW * FRAME_NANOS);
            case SPEECH -> {
                long began = hold.confirmed();
                if (step == Step.PLAY && voiceStops) {
                    long into = Math.max(0, began - stepStartedNanos);
                    log.info("{} barged in {} ms into {}", callId, into / 1_000_000, prompt.name());
                    end(new Played.BargedIn(Duration.ofNanos(into)));
                } else if (step == Step.LISTEN) {
                    LineVerdict verdict = ear.early().orElse(new LineVerdict.Speech(LineFeatures.NOTHING));
                    end(new Listened.Decided(verdict, Duration.ofNanos(now - stepStartedNanos)));
                }
            }
            case FALSE_START -> hold.falseStart(now);
            case NONE -> { }
        }
    }

    synchronized void key(char key) {
        if (closed) return;
        if (step == Step.PLAY || step == Step.LISTEN) {
            // a step that takes keys takes this one or drops it, as it drops keys queued before it
            if (wanted.indexOf(key) < 0) return;
            end(step == Step.PLAY ? new Played.Pressed(key)
                    : new Listened.Pressed(key, Duration.ofNanos(System.nanoTime() - stepStartedNanos)));
        } else if (keys.size() < MAX_KEYS) {
            keys.add(key);
        }
    }

    synchronized void ended() {
        ended = true;
        ear.forget();
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized boolean holdsAudio() {
        return ear.holdsAudio();
    }

    private Optional<Character> takeKey(String wantedKeys) {
        while (!keys.isEmpty()) {
            char k = keys.poll();
            if (wantedKeys.indexOf(k) >= 0) return Optional.of(k);
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
