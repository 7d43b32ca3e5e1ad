package hotline.agi;

import hotline.audio.AudioSocketServer;
import hotline.audio.LineVerdict;
import hotline.audio.ListenRequest;
import hotline.audio.Listening;
import hotline.config.LineQuality;
import hotline.flow.Heard;
import java.time.Duration;
import java.util.UUID;

/**
 * Listening to the caller's own audio (docs/line-quality.md): the channel streams to our
 * AudioSocket server for one window, which classifies it as silence, a quiet voice,
 * speech or noise and then ends the stream so the script goes on.
 */
final class AudioListener {

    /** Beyond the window: Asterisk connecting, and the hang-up frame travelling back. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    private final AudioSocketServer server;
    private final LineQuality quality;

    AudioListener(AudioSocketServer server, LineQuality quality) {
        this.server = server;
        this.quality = quality;
    }

    /** Registers a listen before Asterisk connects; {@link Listening#audioSocketArguments()} tells it where. */
    Listening open(Duration window, String callId) {
        return server.listen(UUID.randomUUID(), new ListenRequest(quality.withWindow(window), callId));
    }

    static Heard await(Listening listening, Duration window, long startedNanos) {
        LineVerdict verdict = listening.await(window.plus(SLACK));
        Duration after = Duration.ofNanos(System.nanoTime() - startedNanos);
        return switch (verdict) {
            case LineVerdict.Speech s -> new Heard.Voice(after);
            case LineVerdict.QuietVoice q -> new Heard.Quiet(after);
            case LineVerdict.Noise n -> new Heard.Noisy(after);
            case LineVerdict.Silence s -> new Heard.Silence(after);
        };
    }
}
