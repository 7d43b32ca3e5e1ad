package hotline.audio;

import java.nio.file.Path;
import java.util.Random;

/** Test audio: synthetic signals at a given level, and the evaluation clips by name. */
final class Signals {

    static final Path CLIPS = Path.of("src/test/resources/eval");

    private Signals() {}

    static short[] silence(double seconds) {
        return new short[samples(seconds)];
    }

    /** A sine at {@code hz}, RMS {@code dbfs}. */
    static short[] tone(double hz, double dbfs, double seconds) {
        short[] pcm = new short[samples(seconds)];
        double amplitude = Math.sqrt(2) * 32768 * Math.pow(10, dbfs / 20);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = clip(amplitude * Math.sin(2 * Math.PI * hz * i / FrameAnalyser.RATE));
        }
        return pcm;
    }

    /** Gaussian white noise, RMS {@code dbfs}, the same every run. */
    static short[] hiss(double dbfs, double seconds) {
        var random = new Random(42);
        short[] pcm = new short[samples(seconds)];
        double sigma = 32768 * Math.pow(10, dbfs / 20);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = clip(random.nextGaussian() * sigma);
        }
        return pcm;
    }

    static short[] gain(short[] pcm, double db) {
        double factor = Math.pow(10, db / 20);
        short[] out = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) out[i] = clip(pcm[i] * factor);
        return out;
    }

    static short[] mix(short[] a, short[] b) {
        short[] out = new short[Math.min(a.length, b.length)];
        for (int i = 0; i < out.length; i++) out[i] = clip(a[i] + (double) b[i]);
        return out;
    }

    static short[] clip(String labelAndName) {
        return Evaluation.readPcm(CLIPS.resolve(labelAndName + ".wav"));
    }

    static byte[] littleEndian(short[] pcm, int from, int count) {
        byte[] bytes = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            bytes[2 * i] = (byte) pcm[from + i];
            bytes[2 * i + 1] = (byte) (pcm[from + i] >> 8);
        }
        return bytes;
    }

    /** The first 20 ms frame 15 dB above the clip's own noise (its 10th-percentile level): where the voice begins. */
    static int voiceStart(short[] pcm) {
        int frames = pcm.length / FrameAnalyser.FRAME;
        double[] levels = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < FrameAnalyser.FRAME; i++) sum += (double) pcm[f * 160 + i] * pcm[f * 160 + i];
            levels[f] = 10 * Math.log10(sum / 160 / (32768.0 * 32768.0) + 1e-12);
        }
        double[] sorted = levels.clone();
        java.util.Arrays.sort(sorted);
        double noise = sorted[frames / 10];
        for (int f = 0; f < frames; f++) if (levels[f] > noise + 15) return f;
        throw new AssertionError("no voice in the clip");
    }

    private static int samples(double seconds) {
        return (int) Math.round(seconds * FrameAnalyser.RATE);
    }

    private static short clip(double x) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(x)));
    }
}
