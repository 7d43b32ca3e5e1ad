package hotline.audio;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Turns each 20 ms frame of 8 kHz audio (160 samples) into {@link FrameFeatures}. Keeps
 * only the previous frame and this one, as 16-bit samples (the voicing measure looks 40 ms
 * back); nothing else of the audio is kept. The working arrays of a measure (the FFT's, the
 * pre-emphasised window, its running energies: 9 KB) are {@link Scratch} borrowed from a
 * pool for the measure and zeroed when given back, so a live call holds 640 bytes of audio
 * state here instead of 9 KB (docs/performance.md, heap per live call).
 */
final class FrameAnalyser {

    static final int RATE = 8000;
    static final int FRAME = 160;                       // 20 ms
    static final double FULL_SCALE = 32768.0;
    static final double SILENT_DB = -100.0;             // what digital zero measures
    private static final int FFT = 256;                 // 31.25 Hz per bin
    private static final int BAND_LOW = bin(300);
    private static final int BAND_HIGH = bin(3400);
    private static final int MIN_LAG = RATE / 400;      // pitch 400 Hz
    private static final int MAX_LAG = RATE / 50;       // pitch 50 Hz
    private static final double PRE_EMPHASIS = 0.95;
    private static final double[] HANN = hann(FRAME);

    /** A measure's working arrays; only one thread uses one at a time, and it is zeroed before it goes back. */
    private static final class Scratch {
        final double[] window = new double[2 * FRAME];       // previous frame, then this one (pre-emphasised)
        final double[] energyBefore = new double[2 * FRAME + 1]; // sum of squares of window[0..k)
        final double[][] spectrum = new double[2][FFT];
        boolean voicingUsed;                                   // window and energyBefore hold this frame's
        boolean spectrumUsed;                                  // spectrum holds this frame's

        /** What the measure wrote, and only that (the voicing arrays only when the frame was measured for it). */
        void zero() {
            if (voicingUsed) {
                Arrays.fill(window, 0);
                Arrays.fill(energyBefore, 0);
                voicingUsed = false;
            }
            if (spectrumUsed) {
                Arrays.fill(spectrum[0], 0);
                Arrays.fill(spectrum[1], 0);
                spectrumUsed = false;
            }
        }
    }

    /** As many as measures run at once: about one per carrier thread (a measure never blocks). */
    private static final ConcurrentLinkedQueue<Scratch> SCRATCH = new ConcurrentLinkedQueue<>();

    private final short[] samples = new short[2 * FRAME]; // previous frame, then this one
    private double beforeWindow;                         // the sample before samples[0] (pre-emphasis)
    private double meanSquare;
    private double energyDb;

    private static int bin(double hz) {
        return (int) Math.round(hz * FFT / RATE);
    }

    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }

    /** {@code samples[from..from+160)}, signed 16-bit values: every measure of the frame. */
    FrameFeatures next(short[] frame, int from) {
        take(frame, from);
        return features(true, true);
    }

    /**
     * Takes the next frame and returns its level; {@link #features} then measures the rest. Every
     * frame must be taken (the voicing measure looks 40 ms back), even one nobody measures further.
     */
    double take(short[] frame, int from) {
        beforeWindow = samples[FRAME - 1];
        System.arraycopy(samples, FRAME, samples, 0, FRAME);
        System.arraycopy(frame, from, samples, FRAME, FRAME);
        double sum = 0;
        for (int i = FRAME; i < 2 * FRAME; i++) {
            double x = samples[i];
            sum += x * x;
        }
        meanSquare = sum / FRAME / (FULL_SCALE * FULL_SCALE);
        energyDb = meanSquare <= 1e-10 ? SILENT_DB : 10 * Math.log10(meanSquare);
        return energyDb;
    }

    /**
     * The measures of the frame last taken. {@code measureVoicing} false leaves voicing at 0 for a
     * frame whose user knows it cannot count as a voice (too close to the line's floor): the
     * voicing measure is most of the cost of a frame. {@code measureSpectrum} false leaves band
     * share and flatness at 0: no verdict uses them (only {@code evaluate --features} prints them),
     * so a live call skips the frame's FFT (issue 13: a quarter of the media thread's own work).
     */
    FrameFeatures features(boolean measureVoicing, boolean measureSpectrum) {
        Scratch s = SCRATCH.poll();
        if (s == null) s = new Scratch();
        try {
            double[][] spectrum = s.spectrum;
            double band = 0;
            double flatness = 0;
            if (measureSpectrum) {
                s.spectrumUsed = true;
                for (int i = 0; i < FRAME; i++) spectrum[0][i] = samples[FRAME + i] * HANN[i];
                FastFourierTransformer.transformInPlace(spectrum, DftNormalization.STANDARD, TransformType.FORWARD);
                band = bandRatio(spectrum);
                flatness = flatness(spectrum);
            }
            // a frame too faint to be a voice (LineFeatures.QUIETEST_VOICE) skips the costly voicing measure
            double voicing = measureVoicing && energyDb > LineFeatures.QUIETEST_VOICE ? voicing(s) : 0;
            return new FrameFeatures(Math.max(meanSquare, 1e-10), energyDb, voicing, band, flatness);
        } finally {
            s.zero(); // no caller's audio stays in the pool
            SCRATCH.offer(s);
        }
    }

    /** Whether any sample of the caller is still held (a privacy test asks). */
    boolean holdsAudio() {
        if (beforeWindow != 0) return true;
        for (short x : samples) if (x != 0) return true;
        return false;
    }

    /** Zeroes every sample held. */
    void forget() {
        Arrays.fill(samples, (short) 0);
        beforeWindow = 0;
    }

    /**
     * Periodicity: the highest normalised autocorrelation of the pre-emphasised last 40 ms
     * at a lag of one pitch period (2.5..20 ms). Voiced speech 0.6..1; noise 0.1..0.4 (the
     * pre-emphasis whitens brown and pink noise, whose raw samples correlate strongly).
     */
    private double voicing(Scratch s) {
        s.voicingUsed = true;
        double[] window = s.window;
        double[] energyBefore = s.energyBefore;
        double previous = beforeWindow;
        for (int i = 0; i < window.length; i++) {
            window[i] = samples[i] - PRE_EMPHASIS * previous;
            previous = samples[i];
        }
        int n = window.length;
        for (int i = 0; i < n; i++) energyBefore[i + 1] = energyBefore[i] + window[i] * window[i];
        double best = 0;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            double xy = 0;
            for (int i = 0; i + lag < n; i++) {
                xy += window[i] * window[i + lag];
            }
            // the energies of the two overlapping stretches, from the running sums (the same values
            // the three-sum loop computed, at a third of its cost)
            double xx = energyBefore[n - lag];
            double yy = energyBefore[n] - energyBefore[lag];
            if (xx > 0 && yy > 0) {
                best = Math.max(best, xy / Math.sqrt(xx * yy));
            }
        }
        return best;
    }

    private static double power(double[][] spectrum, int k) {
        double re = spectrum[0][k];
        double im = spectrum[1][k];
        return re * re + im * im;
    }

    /** Share of the frame's energy (DC excluded) between 300 and 3400 Hz. */
    private static double bandRatio(double[][] spectrum) {
        double band = 0;
        double all = 0;
        for (int k = 1; k <= FFT / 2; k++) {
            double p = power(spectrum, k);
            all += p;
            if (k >= BAND_LOW && k <= BAND_HIGH) band += p;
        }
        return all <= 0 ? 0 : band / all;
    }

    /** Spectral flatness in 300..3400 Hz: geometric over arithmetic mean of the power; 1 = white. */
    private static double flatness(double[][] spectrum) {
        double logSum = 0;
        double sum = 0;
        int n = 0;
        for (int k = BAND_LOW; k <= BAND_HIGH; k++) {
            double p = power(spectrum, k) + 1e-3;
            logSum += Math.log(p);
            sum += p;
            n++;
        }
        return Math.exp(logSum / n) / (sum / n);
    }
}
