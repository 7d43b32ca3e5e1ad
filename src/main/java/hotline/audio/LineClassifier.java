package hotline.audio;

import hotline.config.LineQuality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells a silent line, a quiet voice, a noisy line and normal speech apart from the
 * caller's audio (8 kHz signed-linear 16-bit). The rule (docs/line-quality.md):
 * <ol>
 *   <li>nothing heard: {@code Silence};</li>
 *   <li>a voice: voiced frames standing on average at least {@code voice-over-noise} dB
 *       above the noise floor, {@code confirm-voice-after} of them (then the verdict is
 *       given at once), or when the window ends at least {@link #SHORTEST_VOICE} of them;
 *       {@code Speech} when they average at least {@code quiet-below} dBFS, else
 *       {@code QuietVoice} (given early only after twice {@code confirm-voice-after}:
 *       a voice's first syllables are softer than the rest);</li>
 *   <li>no voice: {@code Noise} when the loud frames reach {@code silence-below} dBFS, else {@code Silence}.</li>
 * </ol>
 * Silence and noise are only ever decided on the whole window.
 */
public final class LineClassifier {

    /** At the window's end, a clear voice this short still counts ("hi?" said as the window closes). */
    static final Duration SHORTEST_VOICE = Duration.ofMillis(100);

    private final LineQuality quality;

    public LineClassifier(LineQuality quality) {
        this.quality = quality;
    }

    /** Classifies up to one window of audio at once (what the unit tests use). */
    public LineVerdict classify(short[] pcm) {
        Run run = start();
        run.accept(pcm, 0, pcm.length);
        return run.finish();
    }

    /** A listening window fed frame by frame (the AudioSocket's and the evaluation's path). */
    Run start() {
        return new Run();
    }

    /** The verdict at the window's end. */
    LineVerdict decide(LineFeatures f) {
        if (isVoice(f, SHORTEST_VOICE)) {
            return f.voiceDb() >= quality.quietBelow() ? new LineVerdict.Speech(f) : new LineVerdict.QuietVoice(f);
        }
        return f.loudDb() >= quality.silenceBelow() ? new LineVerdict.Noise(f) : new LineVerdict.Silence(f);
    }

    /** A verdict before the window's end: a voice confirmed, or nothing yet. */
    Optional<LineVerdict> confirmed(LineFeatures f) {
        if (!isVoice(f, quality.confirmVoiceAfter())) {
            return Optional.empty();
        }
        if (f.voiceDb() >= quality.quietBelow()) {
            return Optional.of(new LineVerdict.Speech(f));
        }
        return isVoice(f, quality.confirmVoiceAfter().multipliedBy(2))
                ? Optional.of(new LineVerdict.QuietVoice(f)) : Optional.empty();
    }

    private boolean isVoice(LineFeatures f, Duration voicedAtLeast) {
        return !f.voiced().isZero() && f.voiced().compareTo(voicedAtLeast) >= 0
                && f.voiceOverNoise() >= quality.voiceOverNoise();
    }

    /**
     * One window's state: the analyser (the last 20 ms of samples) and one
     * {@link FrameFeatures} per frame. Not thread-safe; the caller serialises.
     */
    final class Run {
        private final FrameAnalyser analyser = new FrameAnalyser();
        private final List<FrameFeatures> frames = new ArrayList<>();
        private final short[] pending = new short[FrameAnalyser.FRAME];
        private final int maxFrames = (int) (quality.window().toMillis() / 20);
        private int pendingCount;

        /** Audio as signed 16-bit samples; beyond one window it is ignored. */
        void accept(short[] samples, int from, int count) {
            for (int i = from; i < from + count && !full(); i++) {
                pending[pendingCount++] = samples[i];
                if (pendingCount == FrameAnalyser.FRAME) {
                    frames.add(analyser.next(pending, 0));
                    pendingCount = 0;
                }
            }
        }

        /** Audio as AudioSocket sends it: signed 16-bit little-endian; an odd last byte is dropped. */
        void acceptLittleEndian(byte[] bytes, int from, int length) {
            short[] samples = new short[length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[from + 2 * i] & 0xff) | (bytes[from + 2 * i + 1] << 8));
            }
            accept(samples, 0, samples.length);
        }

        boolean full() {
            return frames.size() >= maxFrames;
        }

        int frames() {
            return frames.size();
        }

        /** A voice confirmed before the window ends, or empty while the evidence is short. */
        Optional<LineVerdict> early() {
            if (frames.size() * 20L < quality.confirmVoiceAfter().toMillis()) {
                return Optional.empty();
            }
            if (!isVoice(LineFeatures.voiceOnly(frames), quality.confirmVoiceAfter())) {
                return Optional.empty();
            }
            return confirmed(LineFeatures.of(frames));
        }

        /** The verdict on what was heard; the run keeps no samples afterwards. */
        LineVerdict finish() {
            LineVerdict verdict = decide(LineFeatures.of(frames));
            forget();
            return verdict;
        }

        boolean holdsAudio() {
            return pendingCount > 0 || analyser.holdsAudio();
        }

        /** Drops the samples still held (the unfinished frame, the analyser's last 20 ms). */
        void forget() {
            Arrays.fill(pending, (short) 0);
            pendingCount = 0;
            analyser.forget();
        }
    }
}
