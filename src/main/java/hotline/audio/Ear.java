package hotline.audio;

import hotline.config.LineQuality;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything heard on one media session, from its first frame (docs/line-quality.md,
 * "ears on from the answer"). Keeps one {@link FrameFeatures} per 20 ms frame of the
 * caller (never the samples), from which it gives
 * <ul>
 *   <li>the line's verdict on the whole stretch ({@link #verdict()}, {@link #early()}):
 *       silence, quiet, noise and speech are judged on all that was heard since the
 *       session began, prompts included;</li>
 *   <li>barge-in, frame by frame ({@link #hear}): a voice {@link Event#ONSET} after about
 *       60 ms of voiced audio, so a prompt can fall silent at once, then either
 *       {@link Event#SPEECH} when the burst is confirmed as a voice or
 *       {@link Event#FALSE_START} when it was not (a click, a cough, a breath).</li>
 * </ul>
 * Echo guard: while we play, a frame of the caller not clearly louder than our own prompt
 * coming back may be that echo, and is not counted at all. How loud the echo comes back
 * is measured on the line: for each delay of 0-200 ms, the median of heard minus sent
 * level over the frames we played loudly; the loudest of those medians, plus
 * {@link #ECHO_MEASURED_MARGIN_DB}, is the echo's level (a delay that is not the echo's
 * pairs loud with quiet and measures lower). Until {@link #ECHO_SAMPLES} frames were
 * measured, the echo is taken to be 20 dB down ({@link #ECHO_MARGIN_DB}). Not thread-safe.
 */
final class Ear {

    /** What one frame changed for barge-in. */
    enum Event { NONE, ONSET, SPEECH, FALSE_START }

    /** Echo 20 dB down stays 8 dB under this; a caller talking over our loudest syllables must be louder. */
    static final double ECHO_MARGIN_DB = 12.0;
    /** Echo comes back 30-100 ms late on a real line, plus the stream's own 20-40 ms. */
    static final long ECHO_SPAN_NANOS = 200_000_000L;
    /** Frames heard while we played loudly enough to measure the echo, before the measure is used. */
    static final int ECHO_SAMPLES = 25;
    static final double ECHO_MEASURED_MARGIN_DB = 6.0;
    /** We play "loudly" above this: the echo of a quieter frame is lost in the line's hiss. */
    private static final double MEASURABLE_DB = -40.0;
    /** A voice onset: this many voiced frames among the last {@link #ONSET_WINDOW}. */
    static final int ONSET_VOICED = 3;
    static final int ONSET_WINDOW = 4;
    /** A pause this long (120 ms) ends a burst of voice. */
    static final int BURST_GAP_FRAMES = 6;
    /** A burst that ends this long, with {@link LineClassifier#SHORTEST_VOICE} voiced, was a word ("hi?"). */
    static final int SHORT_WORD_FRAMES = 10;
    /** Frames heard before the noise floor is trusted enough to call an onset. */
    static final int FLOOR_FRAMES = 5;
    private static final int SENT_RING = 16;
    /** A stretch is judged on its first 3 minutes at most (bounded memory whatever the line sends). */
    static final int MAX_FRAMES = 9000;

    private final LineQuality quality;
    private final LineClassifier classifier;
    private final FrameAnalyser analyser = new FrameAnalyser();
    private final List<FrameFeatures> frames = new FrameLog();
    private final short[] pending = new short[FrameAnalyser.FRAME];
    private int pendingCount;
    private final long[] sentAt = new long[SENT_RING];
    private final double[] sentDb = new double[SENT_RING];
    private int sentNext;
    private final boolean[] recentVoiced = new boolean[ONSET_WINDOW];
    private int recentNext;
    private final LevelFloor levels = new LevelFloor(); // every frame's level, for the floor
    private static final int LAGS = 11;          // 0..200 ms in frames
    private static final int DIFFS = 100;
    private final float[][] echoDiffs = new float[LAGS][DIFFS]; // per delay: heard minus sent, a ring
    private final int[] echoCounts = new int[LAGS];
    private final double[] sentByFrame = new double[LAGS]; // the levels of the last frames we sent, newest first
    private int framesHeard;
    private double echoGain = Double.NaN;        // the median of echoDiffs, once measured
    private int voicedFrames;                    // voiced when heard, with the floor of that moment
    private double voicedPower;
    private double voicedOverFloor;
    private Burst burst;                         // null when no voice is under way
    private int masked;
    private final boolean spectral;
    private boolean echoMeasured;                // a delay got a new measure since its medians were taken

    /** A live call's Ear: only the measures a verdict uses (no band share nor flatness). */
    Ear(LineQuality quality) {
        this(quality, false);
    }

    /** {@code spectral}: also each frame's band share and flatness, for {@code evaluate --features}. */
    Ear(LineQuality quality, boolean spectral) {
        this.quality = quality;
        this.classifier = new LineClassifier(quality);
        this.spectral = spectral;
    }

    /** We sent a frame at this level to the caller (our prompt, or silence). */
    void sent(double energyDb, long atNanos) {
        System.arraycopy(sentByFrame, 0, sentByFrame, 1, LAGS - 1);
        sentByFrame[0] = energyDb;
        sentAt[sentNext] = atNanos;
        sentDb[sentNext] = energyDb;
        sentNext = (sentNext + 1) % SENT_RING;
    }

    /** The caller's audio as AudioSocket sends it (16-bit little-endian); the last frame's event. */
    Event hear(byte[] pcm, long atNanos) {
        Event last = Event.NONE;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            pending[pendingCount++] = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            if (pendingCount == FrameAnalyser.FRAME) {
                pendingCount = 0;
                Event e = frame(analyser.take(pending, 0), atNanos);
                if (e != Event.NONE) last = e;
            }
        }
        return last;
    }

    private Event frame(double energyDb, long atNanos) {
        double loudestSent = loudestSent(atNanos);
        measureEcho(energyDb);
        double gate = loudestSent + (Double.isNaN(echoGain) ? -ECHO_MARGIN_DB : echoGain + ECHO_MEASURED_MARGIN_DB);
        // the floor counts every frame: the quietest ones, between our words, are the line's hiss
        if (levels.size() < MAX_FRAMES) levels.add(energyDb);
        if (energyDb < gate) {
            masked++;
            return burst == null ? Event.NONE : gap();
        }
        double floor = floor();
        // only a frame clear of the floor can be voiced below: the others skip the costly measure
        FrameFeatures f = analyser.features(energyDb > LineFeatures.QUIETEST_VOICE
                && energyDb >= floor + LineFeatures.VOICED_ABOVE_FLOOR, spectral);
        if (frames.size() < MAX_FRAMES) {
            frames.add(f);
            // voiced against the line as it was known then: a floor that drops later (a noisy
            // stretch, then hiss) must not turn old noise into a voice
            if (f.voicing() >= LineFeatures.VOICED_AT && f.energyDb() >= floor + LineFeatures.VOICED_ABOVE_FLOOR
                    && f.energyDb() > LineFeatures.QUIETEST_VOICE) {
                voicedFrames++;
                voicedPower += f.power();
                voicedOverFloor += f.energyDb() - floor;
            }
        }
        boolean active = f.energyDb() > LineFeatures.QUIETEST_VOICE
                && f.energyDb() >= floor + LineFeatures.VOICED_ABOVE_FLOOR;
        boolean voiced = active && f.voicing() >= LineFeatures.VOICED_AT
                && f.energyDb() >= floor + quality.voiceOverNoise();
        recentVoiced[recentNext] = voiced;
        recentNext = (recentNext + 1) % ONSET_WINDOW;
        if (burst == null) {
            if (levels.size() < FLOOR_FRAMES || !onset(voiced)) return Event.NONE;
            burst = new Burst();
            burst.add(f, voiced);
            return Event.ONSET;
        }
        if (!active) return gap();
        burst.add(f, voiced);
        if (burst.confirmed()) {
            burst = null;
            return Event.SPEECH;
        }
        if (burst.tooLongUnconfirmed()) {
            burst.refuted = true;     // no more onsets until this sound stops
            return Event.FALSE_START;
        }
        return Event.NONE;
    }

    private boolean onset(boolean voicedNow) {
        int n = 0;
        for (boolean v : recentVoiced) if (v) n++;
        return voicedNow && n >= ONSET_VOICED;
    }

    private Event gap() {
        if (++burst.gap <= BURST_GAP_FRAMES) return Event.NONE;
        Burst ended = burst;
        burst = null;
        if (ended.refuted) return Event.NONE;
        return ended.wasAWord() ? Event.SPEECH : Event.FALSE_START;
    }

    /** The loudest frame we sent in the last {@link #ECHO_SPAN_NANOS}: what may be echoing now. */
    private double loudestSent(long atNanos) {
        double loudest = FrameAnalyser.SILENT_DB;
        for (int i = 0; i < SENT_RING; i++) {
            if (sentAt[i] != 0 && atNanos - sentAt[i] <= ECHO_SPAN_NANOS && atNanos - sentAt[i] >= -ECHO_SPAN_NANOS) {
                loudest = Math.max(loudest, sentDb[i]);
            }
        }
        return loudest;
    }

    /** Heard minus sent per delay; a caller talking only raises the measure (safer). */
    private void measureEcho(double heardDb) {
        for (int lag = 0; lag < LAGS; lag++) {
            if (sentByFrame[lag] < MEASURABLE_DB) continue;
            echoDiffs[lag][echoCounts[lag] % DIFFS] = (float) (heardDb - sentByFrame[lag]);
            echoCounts[lag]++;
            echoMeasured = true;
        }
        // the medians change only with new measures: while we send silence there are none to sort
        if (++framesHeard % 10 != 0 || !echoMeasured) return;
        echoMeasured = false;
        double loudest = Double.NaN;
        for (int lag = 0; lag < LAGS; lag++) {
            if (echoCounts[lag] < ECHO_SAMPLES) return;
            float[] sorted = Arrays.copyOf(echoDiffs[lag], Math.min(echoCounts[lag], DIFFS));
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            loudest = Double.isNaN(loudest) ? median : Math.max(loudest, median);
        }
        echoGain = loudest;
    }

    /** The noise floor as {@link LineFeatures} measures it: the 10th percentile of the levels. */
    private double floor() {
        return levels.floorDb();
    }

    /** A voice confirmed on the whole stretch so far (speech, or a quiet voice), else empty. */
    Optional<LineVerdict> early() {
        if (frames.size() * 20L < quality.confirmVoiceAfter().toMillis()) return Optional.empty();
        LineFeatures cheap = withVoice(new LineFeatures(heard(), floor(), floor(), Duration.ZERO, 0, 0, 0, 0, 0, 0));
        return classifier.confirmed(cheap).map(v -> v instanceof LineVerdict.Speech
                ? new LineVerdict.Speech(features()) : new LineVerdict.QuietVoice(features()));
    }

    /** The verdict on everything heard since the session began. */
    LineVerdict verdict() {
        return classifier.decide(features());
    }

    private LineFeatures features() {
        return withVoice(LineFeatures.of(frames));
    }

    /** The stretch's measures with the voice as it was judged frame by frame. */
    private LineFeatures withVoice(LineFeatures f) {
        int n = Math.max(1, frames.size());
        double voiceDb = voicedFrames == 0 ? FrameAnalyser.SILENT_DB : 10 * Math.log10(voicedPower / voicedFrames);
        return new LineFeatures(f.heard(), f.floorDb(), f.loudDb(), Duration.ofMillis(20L * voicedFrames),
                (double) voicedFrames / n, voiceDb, voicedFrames == 0 ? 0 : voicedOverFloor / voicedFrames,
                f.syllableRate(), f.flatness(), f.bandShare());
    }

    /** Caller audio counted (echo excluded). */
    Duration heard() {
        return Duration.ofMillis(20L * frames.size());
    }

    /** Frames left out as possibly our own echo. */
    int maskedFrames() {
        return masked;
    }

    boolean holdsAudio() {
        return pendingCount > 0 || analyser.holdsAudio();
    }

    /** Drops the samples still held; the features stay (they are not audio). */
    void forget() {
        Arrays.fill(pending, (short) 0);
        pendingCount = 0;
        analyser.forget();
    }

    /** One run of voice: from its onset until a pause of {@link #BURST_GAP_FRAMES}. */
    private final class Burst {
        int span;
        int voiced;
        double voicedPower;
        int gap;
        boolean refuted;

        void add(FrameFeatures f, boolean isVoiced) {
            span += gap + 1;
            gap = 0;
            if (isVoiced) {
                voiced++;
                voicedPower += f.power();
            }
        }

        private double voiceDb() {
            return voiced == 0 ? FrameAnalyser.SILENT_DB : 10 * Math.log10(voicedPower / voiced);
        }

        /** confirm-voice-after of voice, mostly voiced, at a normal level. */
        boolean confirmed() {
            return !refuted && span * 20L >= quality.confirmVoiceAfter().toMillis() && voiced * 5 >= span * 2
                    && voiceDb() >= quality.quietBelow();
        }

        boolean tooLongUnconfirmed() {
            return !refuted && span * 20L >= 2 * quality.confirmVoiceAfter().toMillis();
        }

        /** A short word that ended before confirm-voice-after: still a voice if clear and loud enough. */
        boolean wasAWord() {
            return span >= SHORT_WORD_FRAMES && voiced * 20L >= LineClassifier.SHORTEST_VOICE.toMillis()
                    && voiceDb() >= quality.quietBelow();
        }
    }
}
