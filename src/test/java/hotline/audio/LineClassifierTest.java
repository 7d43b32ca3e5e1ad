package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LineClassifierTest {

    private final LineClassifier classifier = new LineClassifier(LineQuality.defaults());

    @Test
    void anEmptyWindowIsSilenceHeardForNoTime() {
        LineVerdict verdict = classifier.classify(new short[0]);

        assertThat(verdict).isInstanceOf(LineVerdict.Silence.class);
        assertThat(verdict.features().heard()).isEqualTo(Duration.ZERO);
    }

    @Test
    void lessThanOneFrameIsNotHeardAtAll() {
        LineVerdict verdict = classifier.classify(Signals.hiss(-20, 0.019));

        assertThat(verdict).isInstanceOf(LineVerdict.Silence.class);
        assertThat(verdict.features().heard()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aSingleQuietFrameIsSilenceAndASingleLoudFrameIsNoise() {
        assertThat(classifier.classify(Signals.hiss(-65, 0.02))).isInstanceOf(LineVerdict.Silence.class);
        assertThat(classifier.classify(Signals.hiss(-20, 0.02))).isInstanceOf(LineVerdict.Noise.class);
    }

    @Test
    void digitalSilenceIsSilence() {
        LineVerdict verdict = classifier.classify(Signals.silence(5));

        assertThat(verdict).isInstanceOf(LineVerdict.Silence.class);
        assertThat(verdict.features().loudDb()).isEqualTo(FrameAnalyser.SILENT_DB);
    }

    @Test
    void faintLineHissIsSilenceAndLoudHissIsNoise() {
        assertThat(classifier.classify(Signals.hiss(-60, 5))).isInstanceOf(LineVerdict.Silence.class);
        assertThat(classifier.classify(Signals.hiss(-50, 5))).isInstanceOf(LineVerdict.Silence.class);
        assertThat(classifier.classify(Signals.hiss(-35, 5))).isInstanceOf(LineVerdict.Noise.class);
    }

    @Test
    void aSteadyPureToneIsNoiseNotAVoiceThoughItIsPerfectlyPeriodic() {
        LineVerdict verdict = classifier.classify(Signals.tone(440, -20, 5));

        assertThat(verdict).isInstanceOf(LineVerdict.Noise.class);
        assertThat(verdict.features().voiceOverNoise()).isLessThan(3);
    }

    @Test
    void aFaintPureToneIsSilence() {
        assertThat(classifier.classify(Signals.tone(1000, -60, 5))).isInstanceOf(LineVerdict.Silence.class);
    }

    @Test
    void aQuietVoiceMadeTwelveDecibelsLouderIsSpeech() {
        short[] quiet = Signals.clip("quiet/quiet-3");

        assertThat(classifier.classify(quiet)).isInstanceOf(LineVerdict.QuietVoice.class);
        assertThat(classifier.classify(Signals.gain(quiet, 12))).isInstanceOf(LineVerdict.Speech.class);
    }

    @Test
    void speechUnderLoudWhiteNoiseIsNoise() {
        short[] talk = Signals.clip("speech/talk-2");

        assertThat(classifier.classify(talk)).isInstanceOf(LineVerdict.Speech.class);
        assertThat(classifier.classify(Signals.mix(talk, Signals.hiss(-18, 3.5)))).isInstanceOf(LineVerdict.Noise.class);
    }

    @Test
    void speechOverFaintWhiteNoiseStaysSpeech() {
        short[] talk = Signals.clip("speech/talk-2");

        assertThat(classifier.classify(Signals.mix(talk, Signals.hiss(-50, 3.5)))).isInstanceOf(LineVerdict.Speech.class);
    }

    @Test
    void audioBeyondTheWindowIsNotListenedTo() {
        var oneSecond = new LineClassifier(LineQuality.defaults().withWindow(Duration.ofSeconds(1)));
        short[] silenceThenTalk = new short[8000 * 5];
        short[] talk = Signals.clip("speech/talk-2");
        System.arraycopy(talk, 0, silenceThenTalk, 8000 * 2, talk.length - 8000 * 2);

        LineVerdict verdict = oneSecond.classify(silenceThenTalk);

        assertThat(verdict).isInstanceOf(LineVerdict.Silence.class);
        assertThat(verdict.features().heard()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aClearVoiceJustStartingAsTheWindowEndsStillCountsAsAVoice() {
        var oneSecond = new LineClassifier(LineQuality.defaults().withWindow(Duration.ofSeconds(1)));

        LineVerdict verdict = oneSecond.classify(Signals.clip("speech/talk-2")); // starts talking at 0.8 s

        assertThat(verdict).isInstanceOf(LineVerdict.Speech.class);
        assertThat(verdict.features().voiced()).isLessThan(LineQuality.DEFAULT_CONFIRM_VOICE_AFTER);
    }

    @Test
    void aVoiceIsConfirmedAsSoonAsEnoughOfItIsVoicedAndTheRunThenHoldsNoAudio() {
        LineClassifier.Run run = classifier.start();
        short[] talk = Signals.clip("speech/talk-0");
        int at = 0;
        while (run.early().isEmpty()) {
            run.accept(talk, at, FrameAnalyser.FRAME);
            at += FrameAnalyser.FRAME;
        }

        assertThat(run.early()).get().isInstanceOf(LineVerdict.Speech.class);
        assertThat(Duration.ofMillis(at / 8)).isLessThan(Duration.ofMillis(1500));
        assertThat(run.holdsAudio()).isTrue();
        run.finish();
        assertThat(run.holdsAudio()).isFalse();
    }

    @Test
    void silenceAndNoiseAreNeverDecidedBeforeTheWindowEnds() {
        LineClassifier.Run run = classifier.start();
        short[] noise = Signals.hiss(-20, 5);
        for (int at = 0; at < noise.length; at += FrameAnalyser.FRAME) {
            run.accept(noise, at, FrameAnalyser.FRAME);
            assertThat(run.early()).isEmpty();
        }
        assertThat(run.full()).isTrue();
        assertThat(run.finish()).isInstanceOf(LineVerdict.Noise.class);
    }

    @Test
    void littleEndianBytesAreTheSameAudioAsSamples() {
        short[] talk = Signals.clip("speech/talk-1");
        LineClassifier.Run run = classifier.start();
        run.acceptLittleEndian(Signals.littleEndian(talk, 0, talk.length), 0, 2 * talk.length);

        assertThat(run.finish()).isEqualTo(classifier.classify(talk));
    }
}
