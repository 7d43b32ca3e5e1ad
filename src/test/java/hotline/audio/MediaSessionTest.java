package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.LineQuality;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One media session against a fake Asterisk that behaves like a phone line: it sends 20 ms
 * of the caller every 20 ms (hiss, silence or a voice) and reads what we play, timing it.
 */
class MediaSessionTest extends AudioSocketServerFixture {

    private static final LineQuality QUALITY = LineQuality.defaults();
    /** 1.5 s of a tone: 75 frames. */
    private static final PromptAudio PROMPT = PromptAudio.of("tone", Signals.tone(440, -20, 1.5));

    private MediaSession connected(FakeAsteriskAudio asterisk) throws IOException {
        MediaSession session = server.open("test-call", QUALITY);
        asterisk.identify(session.id());
        assertThat(session.awaitConnected(Duration.ofSeconds(2))).isTrue();
        return session;
    }

    @Test
    void aPromptIsStreamedInRealTimeAndEndsWhenItsLastFrameIsSent() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            var line = asterisk.speakInRealTime(Signals.hiss(-60, 4));
            long started = System.nanoTime();

            var played = session.play(PROMPT, "", true);

            assertThat(played).isInstanceOf(MediaSession.Played.Finished.class);
            // 74 slots after the first frame (1.48 s); the stream's clock began at the connection,
            // and up to 3 frames (60 ms) it missed before play() go out at once (a cold JVM: 1.445 s)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(1600));
            session.close();
            assertThat(line.get().loudFrames()).isEqualTo(75);
        }
    }

    @Test
    void aKeyPressedMidPromptStopsItAtOnce() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(Signals.hiss(-60, 3));
            Thread.ofVirtual().start(() -> asterisk.pressAfter('8', Duration.ofMillis(400)));
            long started = System.nanoTime();

            var played = session.play(PROMPT, "18", true);

            assertThat(played).isEqualTo(new MediaSession.Played.Pressed('8'));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(380), Duration.ofMillis(520));
            session.close();
        }
    }

    @Test
    void aVoiceOverAPromptTheCallerMayAnswerSilencesItWithinAFewFramesAndBargesIn() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            short[] voice = Signals.clip("speech/talk-4");
            var line = asterisk.speakInRealTime(concat(Signals.hiss(-62, 0.5), voice));

            var played = session.play(PROMPT, "", true);
            session.close();

            assertThat(played).isInstanceOf(MediaSession.Played.BargedIn.class);
            var heard = line.get();
            // the fake's voice begins at 0.5 s plus the clip's own lead-in; our tone falls silent soon after
            Duration silentAfterVoice = heard.lastLoudFrameAt().minus(heard.voiceStartedAt());
            assertThat(silentAfterVoice).isLessThan(Duration.ofMillis(200));
        }
    }

    @Test
    void aGoodbyeIsNotStoppedByTheCallersVoice() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(concat(Signals.hiss(-62, 0.3), Signals.clip("speech/talk-2")));

            assertThat(session.play(PROMPT, "", false)).isInstanceOf(MediaSession.Played.Finished.class);
            session.close();
        }
    }

    @Test
    void theWindowAfterThePromptJudgesTheWholeStretchAQuietVoiceDuringThePromptIsQuiet() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(concat(Signals.clip("quiet/quiet-3"), Signals.hiss(-64, 6)));

            session.play(PROMPT, "", true);
            var listened = session.listen(Duration.ofSeconds(2), "");
            session.close();

            assertThat(listened).isInstanceOf(MediaSession.Listened.Decided.class);
            assertThat(((MediaSession.Listened.Decided) listened).verdict()).isInstanceOf(LineVerdict.QuietVoice.class);
        }
    }

    @Test
    void aSilentWindowLastsItsLengthFromTheEndOfThePrompt() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(Signals.hiss(-62, 5));
            session.play(PROMPT, "", true);
            long windowStarted = System.nanoTime();

            var listened = session.listen(Duration.ofSeconds(1), "");

            assertThat(Duration.ofNanos(System.nanoTime() - windowStarted)).isBetween(Duration.ofMillis(980), Duration.ofMillis(1100));
            assertThat(((MediaSession.Listened.Decided) listened).verdict()).isInstanceOf(LineVerdict.Silence.class);
            session.close();
        }
    }

    /** Silence keeps the stream alive: one frame per 20 ms slot, none extra, and each stretch ends on the clock. */
    @Test
    void aPauseAndAnOddWindowOfSilenceSendOneFrameFor20MsAndEndOnTheClock() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            var line = asterisk.speakInRealTime(Signals.hiss(-62, 5));
            long started = System.nanoTime();

            session.pause(Duration.ofMillis(1000));
            var listened = session.listen(Duration.ofMillis(510), "");
            session.play(PROMPT, "", true);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(2990), Duration.ofMillis(3150));
            assertThat(((MediaSession.Listened.Decided) listened).verdict()).isInstanceOf(LineVerdict.Silence.class);
            session.close();
            var heard = line.get();
            assertThat(heard.loudFrames()).isEqualTo(75);
            // 50 + 25 of silence (26 when the window's end falls in its last slot, one more when the stream
            // began before the pause did), 75 of the prompt: never more frames than 20 ms slots
            assertThat(heard.frames()).isBetween(150, 152);
            assertThat(Duration.ofNanos(heard.lastLoudNanos())).isBetween(Duration.ofMillis(2950), Duration.ofMillis(3150));
        }
    }

    /**
     * The caller hears a pause as long as it is, to the frame: the step after it takes the slot
     * the pause ends on (a listen or pause hands over at its last frame, as a prompt does).
     */
    @Test
    void aPromptAfterAPauseOrAWindowFollowsInTheSlotTheyEndOnNotOneLater() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            var line = asterisk.speakInRealTime(Signals.hiss(-62, 6));
            PromptAudio shortTone = PromptAudio.of("short", Signals.tone(440, -20, 0.2));

            for (int pauseMillis : new int[] {500, 340, 1000}) {
                session.play(shortTone, "", true);
                session.pause(Duration.ofMillis(pauseMillis));
            }
            session.play(shortTone, "", true);
            session.listen(Duration.ofMillis(660), "");
            session.play(shortTone, "", true);
            session.close();

            assertThat(line.get().silencesBetween()).containsExactly(25, 17, 50, 33);
        }
    }

    @Test
    void whenAsteriskHangsUpThePromptEndsWithTheSession() throws Exception {
        MediaSession session;
        try (var asterisk = new FakeAsteriskAudio(port)) {
            session = connected(asterisk);
        }
        MediaSession ended = session;
        assertThatThrownBy(() -> ended.play(PROMPT, "", true)).isInstanceOf(MediaSession.Ended.class);
        ended.close();
    }

    @Test
    void aSecondConnectionForATakenSessionIsHungUpAndTheFirstKeepsIt() throws Exception {
        try (var first = new FakeAsteriskAudio(port); var impostor = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(first);
            impostor.identify(session.id());

            assertThat(impostor.nextKindFromServer()).isEqualTo(AudioFrame.KIND_HANGUP);
            assertThat(session.isOpen()).isTrue();
            session.close();
        }
    }

    @Test
    void aPeerThatIsNotAnAllowedAsteriskIsRefusedBeforeItCanIdentify() throws Exception {
        var strict = new AudioSocketServer("127.0.0.1", 0, peer -> false);
        int strictPort = strict.start();
        try (var impostor = new FakeAsteriskAudio(strictPort)) {
            MediaSession session = strict.open("test-call", QUALITY);
            impostor.identify(session.id());

            assertThat(impostor.nextKindFromServer()).isEqualTo(-1);
            assertThat(session.awaitConnected(Duration.ofMillis(300))).isFalse();
            assertThat(strict.refusedConnections()).isEqualTo(1);
            session.close();
        } finally {
            strict.close();
        }
    }

    @Test
    void aUuidTrickledInByteByBytePastTheDeadlineIsRefused() throws Exception {
        try (var slow = new FakeAsteriskAudio(port)) {
            MediaSession session = server.open("test-call", QUALITY);
            byte[] frame = AudioFrame.identify(session.id());
            try {
                for (int i = 0; i < frame.length - 1; i++) {
                    slow.send(new byte[] {frame[i]});
                    Thread.sleep(150);
                }
            } catch (IOException closedAtTheDeadline) {
                // the server gave up on it after 2 s: what this test expects
            }
            assertThat(slow.nextKindFromServer()).isEqualTo(-1);
            assertThat(session.isOpen()).isFalse();
            session.close();
        }
    }

    private static short[] concat(short[] a, short[] b) {
        short[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
