package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.LineQuality;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudioSocketServerTest extends AudioSocketServerFixture {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final ListenRequest ONE_SECOND = new ListenRequest(LineQuality.defaults().withWindow(WINDOW), "test-call");


    @Test
    void aTalkingCallerIsHeardAsSpeechBeforeTheWindowEndsAndAsteriskIsToldToHangUp() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ListenRequest.of(LineQuality.defaults()));
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.clip("speech/talk-0"));

            assertThat(asterisk.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
            assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Speech.class);
            assertThat(listening.decidedAfter()).get().asString().isNotEmpty();
            assertThat(listening.decidedAfter().orElseThrow()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void theExecArgumentsNameTheListenAndWhereToConnect() {
        UUID id = UUID.randomUUID();
        var listening = server.listen(id, ONE_SECOND);

        assertThat(listening.audioSocketArguments()).isEqualTo(id + ",127.0.0.1:" + port);
        listening.cancel();
    }

    @Test
    void aCallThatNeverConnectsIsSilenceWhenTheWindowEnds() {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        long started = System.nanoTime();

        LineVerdict verdict = listening.await(Duration.ofSeconds(5));

        assertThat(verdict).isInstanceOf(LineVerdict.Silence.class);
        assertThat(verdict.features().heard()).isEqualTo(Duration.ZERO);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1500));
    }

    @Test
    void aConnectionThatSendsNoAudioIsSilenceAndIsHungUpWhenTheWindowEnds() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id());

            assertThat(asterisk.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
            assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Silence.class);
            assertThat(listening.decidedAfter().orElseThrow()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1500));
        }
    }

    @Test
    void aConnectionClosedEarlyLeavesTheVerdictToTheEndOfTheWindow() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.hiss(-65, 0.2));
        }

        assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Silence.class);
        assertThat(listening.decidedAfter().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void loudNoiseForTheWholeWindowIsNoise() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.hiss(-20, 1.2));

            assertThat(asterisk.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
            assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Noise.class);
        }
    }

    @Test
    void afterTheVerdictNoSampleOfTheCallerIsHeld() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.clip("speech/talk-1"));
            listening.await(Duration.ofSeconds(5));

            assertThat(listening.holdsAudio()).isFalse();
        }
    }

    @Test
    void anUnknownUuidIsHungUpAtOnce() throws IOException {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(UUID.randomUUID());

            assertThat(asterisk.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
            assertThat(asterisk.closedByServer()).isTrue();
        }
    }

    @Test
    void aSecondConnectionForTheSameListenIsHungUp() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var first = new FakeAsteriskAudio(port); var second = new FakeAsteriskAudio(port)) {
            first.identify(listening.id());
            waitUntil(() -> server.liveConnections() == 2);
            Thread.yield();
            second.identify(listening.id());

            assertThat(second.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
            listening.cancel();
            assertThat(first.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
        }
    }

    @Test
    void garbageIsClosedAndTheNextCallIsServedAsUsual() throws IOException {
        try (var garbage = new FakeAsteriskAudio(port)) {
            garbage.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(garbage.closedByServer()).isTrue();
        }
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).stream(Signals.clip("speech/talk-2"));
            assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Speech.class);
        }
    }

    @Test
    void anOversizedFrameMidCallClosesTheConnectionAndTheListenEndsAsSilence() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id()).send(new byte[] {0x10, 0x7f, (byte) 0xff, 1, 2, 3});

            assertThat(asterisk.closedByServer()).isTrue();
        }
        assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Silence.class);
    }

    @Test
    void dtmfAndOtherKindsAreSkippedAndAnOddByteIsDropped() throws IOException {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);
        short[] talk = Signals.clip("speech/talk-0");
        try (var asterisk = new FakeAsteriskAudio(port)) {
            asterisk.identify(listening.id())
                    .send(AudioFrame.encode(0x03, new byte[] {'1'}))
                    .send(AudioFrame.encode(0x12, new byte[640]))
                    .send(AudioFrame.encode(AudioFrame.KIND_AUDIO, new byte[7]))
                    .send(AudioFrame.identify(UUID.randomUUID()))
                    .stream(talk);

            assertThat(listening.await(Duration.ofSeconds(5))).isInstanceOf(LineVerdict.Speech.class);
        }
    }

    @Test
    void aListenIdCanOnlyBeUsedOnceAtATime() {
        UUID id = UUID.randomUUID();
        var listening = server.listen(id, ONE_SECOND);

        assertThatThrownBy(() -> server.listen(id, ONE_SECOND)).isInstanceOf(IllegalArgumentException.class);
        listening.cancel();
    }

    @Test
    void awaitingLessThanTheWindowDecidesOnWhatWasHeardSoFar() {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);

        assertThat(listening.await(Duration.ofMillis(100))).isInstanceOf(LineVerdict.Silence.class);
        assertThat(listening.decidedAfter().orElseThrow()).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aServerNotStartedRefusesToListen() {
        var notStarted = new AudioSocketServer("127.0.0.1", 0);

        assertThatThrownBy(() -> notStarted.listen(UUID.randomUUID(), ONE_SECOND))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    }

    @Test
    void closingTheServerDecidesEveryOpenListen() {
        var listening = server.listen(UUID.randomUUID(), ONE_SECOND);

        server.close();

        assertThat(listening.verdict()).get().isInstanceOf(LineVerdict.Silence.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
