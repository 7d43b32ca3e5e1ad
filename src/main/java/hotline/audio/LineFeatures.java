package hotline.audio;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * What a listening window measured, the evidence behind a {@link LineVerdict} (and what a
 * journal may record: numbers, no audio). docs/line-quality.md explains each one.
 *
 * @param heard          audio heard (20 ms per frame); zero when no frame came
 * @param floorDb        noise floor: the 10th percentile of the frame levels, dBFS
 * @param loudDb         the 90th percentile of the frame levels, dBFS
 * @param voiced         how much of the audio was voiced (periodic, above the floor)
 * @param voicedShare    voiced / heard, 0..1
 * @param voiceDb        mean power of the voiced frames, dBFS (-100 when none)
 * @param voiceOverNoise voiceDb - floorDb, dB (0 when nothing was voiced)
 * @param syllableRate   share of the level envelope's modulation at 2..8 Hz (of 0.5..25 Hz), 0..1
 * @param flatness       median spectral flatness of the frames, 0..1
 * @param bandShare      median share of the energy in 300..3400 Hz, 0..1
 */
public record LineFeatures(Duration heard, double floorDb, double loudDb, Duration voiced, double voicedShare,
        double voiceDb, double voiceOverNoise, double syllableRate, double flatness, double bandShare) {

    /** A frame at least this periodic is voiced (when it also stands above the floor). */
    static final double VOICED_AT = 0.5;
    /** ... by at least this many dB, and is louder than {@link #QUIETEST_VOICE}. */
    static final double VOICED_ABOVE_FLOOR = 6.0;
    static final double QUIETEST_VOICE = -70.0;
    private static final double FRAME_RATE = 50.0;

    static final LineFeatures NOTHING = new LineFeatures(Duration.ZERO, FrameAnalyser.SILENT_DB,
            FrameAnalyser.SILENT_DB, Duration.ZERO, 0, FrameAnalyser.SILENT_DB, 0, 0, 0, 0);

    static LineFeatures of(List<FrameFeatures> frames) {
        if (frames.isEmpty()) return NOTHING;
        LineFeatures voice = voiceOnly(frames);
        return new LineFeatures(voice.heard, voice.floorDb, voice.loudDb, voice.voiced, voice.voicedShare,
                voice.voiceDb, voice.voiceOverNoise, syllableRate(frames),
                median(frames.stream().mapToDouble(FrameFeatures::flatness).sorted().toArray()),
                median(frames.stream().mapToDouble(FrameFeatures::bandRatio).sorted().toArray()));
    }

    /** Only what the voice rule needs (levels, floor, voiced frames); cheap enough for every frame. */
    static LineFeatures voiceOnly(List<FrameFeatures> frames) {
        int n = frames.size();
        if (n == 0) return NOTHING;
        double[] levels = new double[n];
        for (int i = 0; i < n; i++) levels[i] = frames.get(i).energyDb();
        Arrays.sort(levels);
        double floor = percentile(levels, 0.10);
        double loud = percentile(levels, 0.90);
        int voicedFrames = 0;
        double voicedPower = 0;
        for (FrameFeatures f : frames) {
            if (f.voicing() >= VOICED_AT && f.energyDb() >= floor + VOICED_ABOVE_FLOOR
                    && f.energyDb() > QUIETEST_VOICE) {
                voicedFrames++;
                voicedPower += f.power();
            }
        }
        double voiceDb = voicedFrames == 0 ? FrameAnalyser.SILENT_DB : 10 * Math.log10(voicedPower / voicedFrames);
        return new LineFeatures(Duration.ofMillis(20L * n), floor, loud, Duration.ofMillis(20L * voicedFrames),
                (double) voicedFrames / n, voiceDb, voicedFrames == 0 ? 0 : voiceDb - floor, 0, 0, 0);
    }

    /**
     * How much of the level envelope's modulation is at syllable rate: the envelope (frame
     * amplitude, 50 per second) minus its mean, Hann-windowed, FFT; power at 2..8 Hz over
     * power at 0.5..25 Hz. Speech 0.4..0.8; steady noise about 0.25 (a flat spectrum).
     */
    static double syllableRate(List<FrameFeatures> frames) {
        int n = frames.size();
        if (n < 16) return 0;
        int size = Integer.highestOneBit(n - 1) << 1;
        double[][] data = new double[2][Math.max(size, 64)];
        double mean = 0;
        for (FrameFeatures f : frames) mean += amplitude(f);
        mean /= n;
        for (int i = 0; i < n; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            data[0][i] = (amplitude(frames.get(i)) - mean) * hann;
        }
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
        double hzPerBin = FRAME_RATE / data[0].length;
        double syllable = 0;
        double all = 0;
        for (int k = 1; k < data[0].length / 2; k++) {
            double hz = k * hzPerBin;
            double p = data[0][k] * data[0][k] + data[1][k] * data[1][k];
            if (hz >= 0.5 && hz <= 25) all += p;
            if (hz >= 2 && hz <= 8) syllable += p;
        }
        return all <= 0 ? 0 : syllable / all;
    }

    private static double amplitude(FrameFeatures f) {
        return Math.sqrt(f.power());
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? 0 : percentile(sorted, 0.5);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "heard=%dms floor=%.1fdB loud=%.1fdB voiced=%dms(%.2f) voice=%.1fdB over-noise=%.1fdB "
                        + "syllable-rate=%.2f flatness=%.2f band=%.2f",
                heard.toMillis(), floorDb, loudDb, voiced.toMillis(), voicedShare, voiceDb, voiceOverNoise,
                syllableRate, flatness, bandShare);
    }

    static String csvHeader() {
        return "heard_ms,floor_db,loud_db,voiced_ms,voiced_share,voice_db,voice_over_noise,syllable_rate,flatness,band_share";
    }

    String csv() {
        return String.join(",", Arrays.stream(new double[] {heard.toMillis(), floorDb, loudDb, voiced.toMillis(),
                voicedShare, voiceDb, voiceOverNoise, syllableRate, flatness, bandShare})
                .mapToObj(d -> String.format(java.util.Locale.ROOT, "%.3f", d)).toList());
    }
}
