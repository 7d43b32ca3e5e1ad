package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under load the call's thread wakes late and the caller's frames are handled late (issue 13):
 * a listening window and a scripted pause still end on the clock, and the verdict takes what
 * arrived by then. A stall is made by holding the session's lock from another thread, which
 * stops both the call's thread and the connection's reader, as a busy machine does.
 */
class WindowsOnTheClockTest extends AudioSocketServerFixture {

    /** Two stalls of 300 ms each inside the first second: five times the 60 ms the sender may catch up. */
    private static final List<Duration> STALLS_AT = List.of(Duration.ofMillis(100), Duration.ofMillis(450));
    private static final Duration STALL = Duration.ofMillis(300);

    private MediaSession connected(FakeAsteriskAudio asterisk) throws IOException {
        MediaSession session = server.open("test-call", LineQuality.defaults());
        asterisk.identify(session.id());
        assertThat(session.awaitConnected(Duration.ofSeconds(2))).isTrue();
        return session;
    }

    /** From now, holds the session's lock {@link #STALL} long at each of {@link #STALLS_AT}. */
    private static void stallTwice(MediaSession session) {
        long start = System.nanoTime();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (Duration at : STALLS_AT) {
                    Thread.sleep(Duration.ofNanos(Math.max(0, start + at.toNanos() - System.nanoTime())));
                    synchronized (session) {
                        Thread.sleep(STALL);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aWindowWhileTheServerStallsStillEndsOnTimeAndJudgesWhatArrived() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(Signals.hiss(-62, 4));
            long started = System.nanoTime();
            stallTwice(session);

            var listened = session.listen(Duration.ofSeconds(1), "");

            // counted in frames, the two stalls made this window 1.6 s
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(980), Duration.ofMillis(1150));
            assertThat(((MediaSession.Listened.Decided) listened).verdict()).isInstanceOf(LineVerdict.Silence.class);
            session.close();
        }
    }

    @Test
    void aWindowInWhichNoFrameArrivesEndsOnTimeAsASilentLine() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk); // Asterisk connected, then sends nothing at all
            long started = System.nanoTime();

            var listened = session.listen(Duration.ofSeconds(1), "");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(980), Duration.ofMillis(1100));
            assertThat(((MediaSession.Listened.Decided) listened).verdict()).isInstanceOf(LineVerdict.Silence.class);
            session.close();
        }
    }

    @Test
    void aPauseWhileTheServerStallsEndsOnTheClockNotAfterItsFrames() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(Signals.hiss(-62, 4));
            long started = System.nanoTime();
            stallTwice(session);

            session.pause(Duration.ofSeconds(1));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(980), Duration.ofMillis(1150));
            session.close();
        }
    }

    @Test
    void twoPausesInARowLastTheirSumOnTheClock() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            asterisk.speakInRealTime(Signals.hiss(-62, 4));
            long started = System.nanoTime();

            session.pause(Duration.ofMillis(500));
            session.pause(Duration.ofMillis(500));

            // the slot at the deadline is left for the next step: 50 frames, one every 20 ms
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(990), Duration.ofMillis(1060));
            session.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(10) // held for ever, it would never end
    void aPromptHeldByAVoiceOnsetWhoseFramesStopPlaysOnOnTheClock() throws Exception {
        try (var asterisk = new FakeAsteriskAudio(port)) {
            MediaSession session = connected(asterisk);
            short[] voice = Signals.clip("speech/talk-4");
            int from = Signals.voiceStart(voice) * FrameAnalyser.FRAME;
            short[] onsetOnly = java.util.Arrays.copyOfRange(voice, from, from + 1600); // 200 ms, then no frames at all
            var line = asterisk.speakInRealTime(concat(Signals.hiss(-62, 0.4), onsetOnly));
            PromptAudio prompt = PromptAudio.of("tone", Signals.tone(440, -20, 1.5));
            long started = System.nanoTime();

            var played = session.play(prompt, "", true);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            session.close();
            assertThat(played).isInstanceOf(MediaSession.Played.Finished.class);
            // held at the onset (so longer than the prompt), for at most 2 × 300 ms + 400 ms
            assertThat(took).isBetween(Duration.ofMillis(1700), Duration.ofMillis(2900));
            assertThat(line.get().loudFrames()).isEqualTo(75);
        }
    }

    private static short[] concat(short[] a, short[] b) {
        short[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
