package hotline.audio;

import java.time.Duration;

/**
 * Whether a prompt the caller may answer holds still for their voice (docs/line-quality.md):
 * an onset silences it until the caller's frames confirm the voice (barge-in) or refute it (a
 * false start, after which it waits a moment before playing on). On the clock it never holds
 * longer than {@link #maxHoldNanos}: when those frames stop or fall behind (a broken line, a
 * machine under load) the prompt plays on instead of holding for ever. Guarded by its session.
 */
final class VoiceHold {

    /** After a false start, the prompt stays silent this much longer (a new onset holds it again). */
    private static final long RESUME_AFTER_NANOS = 250_000_000L;
    /** Beyond the longest burst the Ear leaves undecided (2 × confirm-voice-after) and its closing gap. */
    private static final long HOLD_SLACK_NANOS = 400_000_000L;

    private final long maxHoldNanos;
    private boolean onset;
    private long onsetNanos;
    private long holdUntilNanos;

    VoiceHold(Duration confirmVoiceAfter) {
        this.maxHoldNanos = 2 * confirmVoiceAfter.toNanos() + HOLD_SLACK_NANOS;
    }

    /** A new prompt: an onset heard before it does not hold it. */
    void clear() {
        onset = false;
    }

    /** A voice began at {@code sinceNanos}. */
    void onset(long sinceNanos) {
        onset = true;
        onsetNanos = sinceNanos;
    }

    /** The voice is confirmed: when it began. */
    long confirmed() {
        onset = false;
        return onsetNanos;
    }

    /** A first syllable often ends before the word does: wait a moment before going on. */
    void falseStart(long now) {
        onset = false;
        holdUntilNanos = now + RESUME_AFTER_NANOS;
    }

    /** Whether the prompt's frame at {@code now} is held; {@code undecided} hears of an onset given up on. */
    boolean holds(long now, java.util.function.LongConsumer undecided) {
        if (onset && now - onsetNanos > maxHoldNanos) {
            onset = false;
            undecided.accept((now - onsetNanos) / 1_000_000);
        }
        return onset || now < holdUntilNanos;
    }
}
