package hotline.audio;

import hotline.config.LineQuality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells a silent line, a quiet voice, a noisy line and normal speech apart from the
 * caller's audio (8 kHz signed-linear 16-bit). The rule, in order (docs/line-quality.md):
 * <ol>
 *   <li>nothing heard: {@code Silence};</li>
 *   <li>a voice: at least {@code voice-needed} of voiced frames, standing on average at
 *       least {@code voice-over-noise} dB above the noise floor; then {@code Speech} when
 *       they average at least {@code quiet-below} dBFS, else {@code QuietVoice};</li>
 *   <li>no voice: {@code Noise} when the loud frames reach {@code silence-below} dBFS, else {@code Silence}.</li>
 * </ol>
 * Speech is given as soon as the rule holds, before the window ends; a quiet voice once
 * twice {@code voice-needed} is voiced (onsets are soft, so an early level reads low);
 * silence and noise are only ever decided on the whole window.
 */
public final class LineClassifier {

    private final LineQuality quality;

    public LineClassifier(LineQuality quality) {
        this.quality = quality;
    }

    /** Classifies up to one window of audio at once (the evaluation's path). */
    public LineVerdict classify(short[] pcm) {
        Run run = start();
        run.accept(pcm, 0, pcm.length);
        return run.finish();
    }

    /** A listening window fed frame by frame (the AudioSocket's path). */
    Run start() {
        return new Run();
    }

    LineVerdict decide(LineFeatures f) {
        if (f.heard().isZero()) {
            return new LineVerdict.Silence(f);
        }
        if (isVoice(f)) {
            return f.voiceDb() >= quality.quietBelow() ? new LineVerdict.Speech(f) : new LineVerdict.QuietVoice(f);
        }
        return f.loudDb() >= quality.silenceBelow() ? new LineVerdict.Noise(f) : new LineVerdict.Silence(f);
    }

    private boolean isVoice(LineFeatures f) {
        return f.voiced().compareTo(quality.voiceNeeded()) >= 0 && f.voiceOverNoise() >= quality.voiceOverNoise();
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
            if (frames.size() * 20L < quality.voiceNeeded().toMillis()) {
                return Optional.empty();
            }
            LineFeatures f = LineFeatures.of(frames);
            if (!isVoice(f)) {
                return Optional.empty();
            }
            LineVerdict verdict = decide(f);
            // A voice's first syllables are softer than the rest: a quiet verdict waits for
            // twice the evidence, so a normal caller is not told to speak up by mistake.
            if (verdict instanceof LineVerdict.QuietVoice && f.voiced().compareTo(quality.voiceNeeded().multipliedBy(2)) < 0) {
                return Optional.empty();
            }
            return Optional.of(verdict);
        }

        /** The verdict on what was heard; the run keeps no samples afterwards. */
        LineVerdict finish() {
            LineVerdict verdict = decide(LineFeatures.of(frames));
            forget();
            return verdict;
        }

        /** Drops the samples still held (the unfinished frame, the analyser's last 20 ms). */
        void forget() {
            Arrays.fill(pending, (short) 0);
            pendingCount = 0;
            analyser.forget();
        }
    }
}
