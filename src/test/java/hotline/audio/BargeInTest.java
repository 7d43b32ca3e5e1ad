package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A prompt played through the AudioSocket session while the caller is listened to (docs/line-quality.md, barge-in). */
class BargeInTest extends AudioSocketServerFixture {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    /** 1.5 s of a tone: 75 frames. */
    private static final PromptAudio PROMPT = PromptAudio.of("tone", Signals.tone(440, -20, 1.5));


    private Listening listenWithPrompt() {
        return server.listen(UUID.randomUUID(),
                new ListenRequest(LineQuality.defaults().withWindow(WINDOW), "test-call").withPrompt(PROMPT));
    }

    @Test
    void thePromptIsSentAsTwentyMillisecondFramesInRealTimeThenTheWindowRunsFromItsEnd() throws IOException {
        var listening = listenWithPrompt();
        try (var asterisk = new FakeAsteriskAudio(port)) {
            long connected = System.nanoTime();
            asterisk.identify(listening.id());

            var received = asterisk.receiveUntilHangup();
            Duration untilHangup = Duration.ofNanos(System.nanoTime() - connected);

            assertThat(received.audioFrames()).isEqualTo(75);
            assertThat(received.audioBytes()).isEqualTo(75 * 320);
            assertThat(received.audioSpan()).isBetween(Duration.ofMillis(1440), Duration.ofMillis(1540));
            assertThat(received.hungUp()).isTrue();
            assertThat(untilHangup).isBetween(Duration.ofMillis(2450), Duration.ofMillis(2700));
            assertThat(listening.await(Duration.ofSeconds(1))).isInstanceOf(LineVerdict.Silence.class);
            assertThat(listening.bargedInAfter()).isEmpty();
            assertThat(listening.listenedFor().orElseThrow()).isBetween(Duration.ofMillis(950), Duration.ofMillis(1150));
        }
    }

    @Test
    void aCallerWhoSpeaksOverThePromptStopsItAndIsHeardAsSpeech() throws IOException {
        var listening = listenWithPrompt();
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.clip("speech/talk-0"));

            var received = asterisk.receiveUntilHangup();

            assertThat(received.hungUp()).isTrue();
            assertThat(received.audioFrames()).isLessThan(20);
            assertThat(listening.await(Duration.ofSeconds(1))).isInstanceOf(LineVerdict.Speech.class);
            assertThat(listening.bargedInAfter().orElseThrow()).isLessThan(Duration.ofMillis(400));
            assertThat(listening.holdsAudio()).isFalse();
        }
    }

    @Test
    void aQuietVoiceOverThePromptDoesNotStopItAndTheWindowAfterwardsDecides() throws IOException {
        var listening = listenWithPrompt();
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.clip("quiet/quiet-0"));

            var received = asterisk.receiveUntilHangup();

            assertThat(received.audioFrames()).isEqualTo(75);
            assertThat(listening.await(Duration.ofSeconds(1))).isInstanceOf(LineVerdict.Silence.class);
            assertThat(listening.bargedInAfter()).isEmpty();
        }
    }

    @Test
    void speechAfterThePromptIsTheWindowsVerdictNotABargeIn() throws IOException, InterruptedException {
        var listening = listenWithPrompt();
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id());
            Thread.sleep(1600);
            asterisk.stream(Signals.clip("speech/talk-0"));

            assertThat(asterisk.receiveUntilHangup().audioFrames()).isEqualTo(75);
            assertThat(listening.await(Duration.ofSeconds(1))).isInstanceOf(LineVerdict.Speech.class);
            assertThat(listening.bargedInAfter()).isEmpty();
        }
    }

    @Test
    void aPromptIsReadFromAnEightKilohertzMonoWavAndAnythingElseIsRefused() {
        var prompt = PromptAudio.read(Path.of("sounds/en/hotline/cant-hear-you.wav"));

        assertThat(prompt.length()).isEqualTo(Duration.ofMillis(3020));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> PromptAudio.read(Path.of("pom.xml")))).isInstanceOf(IllegalArgumentException.class);
    }
}
