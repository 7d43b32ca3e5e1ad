package hotline.agi;

import hotline.audio.AudioSocketServer;
import hotline.audio.LineVerdict;
import hotline.audio.ListenRequest;
import hotline.audio.Listening;
import hotline.audio.PromptAudio;
import hotline.config.LineQuality;
import hotline.flow.Heard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listening to the caller's own audio (docs/line-quality.md): the channel streams to our
 * AudioSocket server for one window, which classifies it as silence, a quiet voice,
 * speech or noise and then ends the stream so the script goes on. A re-prompt can be
 * played through the same stream first, so that a caller speaking over it is heard
 * (barge-in); its audio is read from the project's sounds folder.
 */
final class AudioListener {

    private static final Logger log = LoggerFactory.getLogger(AudioListener.class);
    /** Beyond the window: Asterisk connecting, and the hang-up frame travelling back. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    private final AudioSocketServer server;
    private final LineQuality quality;
    private final Path soundsDir;

    AudioListener(AudioSocketServer server, LineQuality quality, Path soundsDir) {
        this.server = server;
        this.quality = quality;
        this.soundsDir = soundsDir;
    }

    /** Registers a listen before Asterisk connects; {@link Listening#audioSocketArguments()} tells it where. */
    Listening open(Duration window, String callId) {
        return server.listen(UUID.randomUUID(), new ListenRequest(quality.withWindow(window), callId));
    }

    /** As {@link #open(Duration, String)}, playing {@code prompt} first; the window starts at its end. */
    Listening open(Duration window, String callId, PromptAudio prompt) {
        return server.listen(UUID.randomUUID(), new ListenRequest(quality.withWindow(window), callId).withPrompt(prompt));
    }

    /**
     * The prompt's audio, {@code <sounds>/<language>/hotline/<key>.wav}, else the fallback
     * language's; empty when neither is here or it is not 8 kHz mono 16-bit (then the
     * prompt is played by Asterisk, without barge-in).
     */
    Optional<PromptAudio> prompt(String language, String fallbackLanguage, String key) {
        for (String lang : new String[] {language, fallbackLanguage}) {
            Path wav = soundsDir.resolve(lang).resolve(AgiCaller.PROMPT_FOLDER).resolve(key + ".wav");
            if (!Files.isRegularFile(wav)) continue;
            try {
                return Optional.of(PromptAudio.read(wav));
            } catch (RuntimeException e) {
                log.warn("prompt {} cannot be sent over AudioSocket: {}", wav, e.getMessage());
                return Optional.empty();
            }
        }
        log.warn("prompt '{}' has no WAV under {} for '{}' or '{}': played without barge-in", key, soundsDir,
                language, fallbackLanguage);
        return Optional.empty();
    }

    static Heard await(Listening listening, Duration window, long startedNanos) {
        LineVerdict verdict = listening.await(window.plus(SLACK));
        return heard(verdict, Duration.ofNanos(System.nanoTime() - startedNanos), Optional.empty());
    }

    /** The verdict of a listen with a prompt: times from the prompt's end, or into the prompt for a barge-in. */
    static Heard awaitAfterPrompt(Listening listening) {
        LineVerdict verdict = listening.await(listening.timeLeft().plus(SLACK));
        Optional<Duration> over = listening.bargedInAfter();
        Duration after = over.or(listening::listenedFor).orElse(Duration.ZERO);
        return heard(verdict, after, over);
    }

    private static Heard heard(LineVerdict verdict, Duration after, Optional<Duration> overPrompt) {
        return switch (verdict) {
            case LineVerdict.Speech s -> new Heard.Voice(after, overPrompt);
            case LineVerdict.QuietVoice q -> new Heard.Quiet(after);
            case LineVerdict.Noise n -> new Heard.Noisy(after);
            case LineVerdict.Silence s -> new Heard.Silence(after);
        };
    }
}
