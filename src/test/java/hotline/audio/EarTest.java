package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The ear on its own, in audio time: we "send" a real prompt frame by frame while the
 * caller's line carries its echo, hiss, or a voice over it (docs/line-quality.md).
 */
class EarTest {

    private static final long FRAME = 20_000_000L;
    private static final PromptAudio GREETING = PromptAudio.read(Path.of("sounds/en/hotline/greeting.wav"));

    /** What the ear said, frame by frame, while {@code prompt} played and {@code line} was heard. */
    private static List<Ear.Event> play(Ear ear, PromptAudio prompt, short[] line) {
        List<Ear.Event> events = new ArrayList<>();
        int frames = line.length / FrameAnalyser.FRAME;
        for (int i = 0; i < frames; i++) {
            long now = (i + 1) * FRAME;
            ear.sent(i < prompt.frames() ? prompt.frameDb(i) : FrameAnalyser.SILENT_DB, now);
            events.add(ear.hear(Signals.littleEndian(line, i * FrameAnalyser.FRAME, FrameAnalyser.FRAME), now));
        }
        return events;
    }

    private static short[] promptSamples(PromptAudio prompt) {
        short[] pcm = new short[prompt.frames() * FrameAnalyser.FRAME];
        for (int i = 0; i < prompt.frames(); i++) {
            byte[] frame = prompt.frame(i);
            for (int s = 0; s < FrameAnalyser.FRAME; s++) {
                pcm[i * FrameAnalyser.FRAME + s] = (short) ((frame[3 + 2 * s] & 0xff) | (frame[4 + 2 * s] << 8));
            }
        }
        return pcm;
    }

    /** The prompt as the caller's line sends it back: {@code db} down, {@code delayMs} late, over hiss. */
    private static short[] echoOf(PromptAudio prompt, double db, int delayMs) {
        short[] samples = promptSamples(prompt);
        short[] echo = new short[samples.length + 8 * 1000];
        System.arraycopy(Signals.gain(samples, db), 0, echo, delayMs * 8, samples.length);
        return Signals.mix(echo, Signals.hiss(-62, echo.length / 8000.0 + 0.1));
    }

    @ParameterizedTest(name = "echo {0} ms late")
    @ValueSource(ints = {30, 45, 60, 80, 100})
    void ourOwnGreetingEchoedBackTwentyDecibelsDownNeverBargesInAndIsNotHeardAsAVoice(int delayMs) {
        for (String language : new String[] {"en", "es", "zh", "ko", "yue"}) {
            var prompt = PromptAudio.read(Path.of("sounds/" + language + "/hotline/greeting.wav"));
            var ear = new Ear(LineQuality.defaults());

            List<Ear.Event> events = play(ear, prompt, echoOf(prompt, -20, delayMs));

            assertThat(events).as(language).doesNotContain(Ear.Event.ONSET, Ear.Event.SPEECH);
            assertThat(ear.verdict()).as(language).isInstanceOf(LineVerdict.Silence.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"speech/talk-0", "speech/talk-3", "speech/talk-5", "speech/phone-talk-1",
            "speech/phone-talk-4", "speech/phone-talk-8", "speech/talk-9", "speech/phone-talk-6", "speech/talk-4",
            "speech/talk-1"})
    void aVoiceOverTheGreetingIsAnOnsetWithinTwoHundredMillisecondsAndConfirmedSoonAfter(String clip) {
        var ear = new Ear(LineQuality.defaults());
        short[] voice = Signals.clip(clip);
        short[] line = concat(Signals.hiss(-62, 0.8), voice);
        int voiceStarts = 40 + Signals.voiceStart(voice);

        List<Ear.Event> events = play(ear, GREETING, line);

        int onset = events.indexOf(Ear.Event.ONSET);
        int speech = events.indexOf(Ear.Event.SPEECH);
        // the voice as the caller hears our prompt fall silent: onset at most 200 ms after the first loud frame
        assertThat(onset).as("onset frame").isBetween(voiceStarts, voiceStarts + 10);
        assertThat(speech).as("confirmed frame").isBetween(onset, voiceStarts + 50);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"speech/mild-noise-talk-0", "speech/mild-noise-talk-2", "speech/mild-noise-talk-4",
            "speech/mild-noise-talk-6", "speech/mild-noise-talk-9"})
    void aVoiceOverTheGreetingOnANoisyLineIsAnOnsetWithinHalfASecond(String clip) {
        var ear = new Ear(LineQuality.defaults());
        short[] voice = Signals.clip(clip);
        int voiceStarts = 40 + Signals.voiceStart(voice);

        List<Ear.Event> events = play(ear, GREETING, concat(Signals.hiss(-62, 0.8), voice));

        assertThat(events.indexOf(Ear.Event.ONSET)).as("onset frame").isBetween(voiceStarts - 3, voiceStarts + 25);
        assertThat(events).contains(Ear.Event.SPEECH);
    }

    @Test
    void aClickOrACoughIsAFalseStartAndNeverASpeechVerdict() {
        var ear = new Ear(LineQuality.defaults());
        short[] cough = Signals.tone(180, -15, 0.1);
        short[] line = concat(concat(Signals.hiss(-62, 0.6), cough), Signals.hiss(-62, 1.0));

        List<Ear.Event> events = play(ear, GREETING, line);

        assertThat(events).doesNotContain(Ear.Event.SPEECH);
        assertThat(events.indexOf(Ear.Event.FALSE_START)).isGreaterThan(events.indexOf(Ear.Event.ONSET));
    }

    @Test
    void aQuietVoiceDuringTheGreetingDoesNotBargeInButTheStretchIsJudgedQuiet() {
        var ear = new Ear(LineQuality.defaults());
        short[] line = concat(Signals.hiss(-64, 0.5), Signals.clip("quiet/phone-quiet-4"));

        List<Ear.Event> events = play(ear, GREETING, line);

        assertThat(events).doesNotContain(Ear.Event.SPEECH);
        assertThat(ear.verdict()).isInstanceOf(LineVerdict.QuietVoice.class);
    }

    @Test
    void aSilentCallerWithHissIsSilenceOnTheWholeStretch() {
        var ear = new Ear(LineQuality.defaults());

        List<Ear.Event> events = play(ear, GREETING, Signals.clip("silence/phone-hiss-3"));

        assertThat(events).containsOnly(Ear.Event.NONE);
        assertThat(ear.verdict()).isInstanceOf(LineVerdict.Silence.class);
    }

    private static short[] concat(short[] a, short[] b) {
        short[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A live call's Ear skips the spectrum (band share, flatness: no verdict reads them) and so
     * hears every clip of the evaluation set, under our greeting, exactly as the evaluating Ear.
     */
    @Test
    void aLiveEarSkipsTheSpectrumAndHearsEveryClipAsTheEvaluatingEarDoes() throws Exception {
        List<Path> clips;
        try (var files = java.nio.file.Files.walk(Signals.CLIPS)) {
            clips = files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
        }
        assertThat(clips).hasSizeGreaterThan(50);
        boolean spectrumMeasured = false;
        for (Path clip : clips) {
            String name = Signals.CLIPS.relativize(clip).toString().replace(".wav", "");
            short[] line = Signals.clip(name);
            var live = new Ear(LineQuality.defaults());
            var evaluating = new Ear(LineQuality.defaults(), true);

            assertThat(play(live, GREETING, line)).as(name).isEqualTo(play(evaluating, GREETING, line));

            LineFeatures l = live.verdict().features();
            LineFeatures e = evaluating.verdict().features();
            assertThat(live.verdict().getClass()).as(name).isEqualTo(evaluating.verdict().getClass());
            assertThat(List.of(l.floorDb(), l.loudDb(), l.voiceDb(), l.voiceOverNoise(), l.voicedShare()))
                    .as(name).isEqualTo(List.of(e.floorDb(), e.loudDb(), e.voiceDb(), e.voiceOverNoise(), e.voicedShare()));
            assertThat(l.flatness()).isZero();
            assertThat(l.bandShare()).isZero();
            spectrumMeasured |= e.flatness() > 0 && e.bandShare() > 0;
        }
        assertThat(spectrumMeasured).as("the evaluating Ear still measures the spectrum").isTrue();
    }
}
