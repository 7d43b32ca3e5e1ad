package hotline.agi;

import hotline.audio.LineVerdict;
import hotline.audio.MediaSession;
import hotline.audio.PromptAudio;
import hotline.audio.PromptLibrary;
import hotline.flow.Answer;
import hotline.flow.Heard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the call's thread does through its media session: prompts (a key, or a voice where
 * the caller may answer, stops them), listening windows judged on the whole stretch, keys
 * and pauses. Each method is empty when the session cannot do it (no session for this
 * call, or the prompt's WAV is not here): the caller then falls back to plain AGI.
 */
final class AgiEars {

    private final AgiMedia media;
    private final PromptLibrary prompts;
    private final Path soundsDir;
    private final String fallbackLanguage;

    AgiEars(AgiMedia media, PromptLibrary prompts, Path soundsDir, String fallbackLanguage) {
        this.media = media;
        this.prompts = prompts;
        this.soundsDir = soundsDir;
        this.fallbackLanguage = fallbackLanguage;
    }

    /** Plays {@code key} in {@code language} ({@code orFallback}: else in the fallback language). */
    Optional<Answer> play(String language, boolean orFallback, String key, String keys, boolean voiceStops) {
        Optional<PromptAudio> prompt = prompts.find(soundsDir, language, orFallback ? fallbackLanguage : language, key);
        if (prompt.isEmpty()) {
            media.release(); // STREAM FILE will say what is missing
            return Optional.empty();
        }
        return attempt(session -> switch (session.play(prompt.get(), keys, voiceStops)) {
            case MediaSession.Played.Finished f -> new Answer.Finished();
            case MediaSession.Played.Pressed(char k) -> new Answer.Pressed(k);
            case MediaSession.Played.BargedIn(Duration into) -> new Answer.Spoke(into);
        });
    }

    Optional<Heard> listen(Duration window, String keys) {
        return attempt(session -> switch (session.listen(window, keys)) {
            case MediaSession.Listened.Pressed(char k, Duration after) -> new Heard.Pressed(k, after);
            case MediaSession.Listened.Decided(LineVerdict verdict, Duration after) -> heard(verdict, after);
        });
    }

    /** A key of {@code keys} within {@code within}; voices and verdicts do not end the wait. */
    Optional<Optional<Character>> waitForKey(String keys, Duration within) {
        return attempt(session -> {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.<Character>empty();
                if (session.listen(Duration.ofNanos(left), keys) instanceof MediaSession.Listened.Pressed(char k, var a)) {
                    return Optional.of(k);
                }
            }
        });
    }

    boolean pause(Duration length) {
        return attempt(session -> {
            session.pause(length);
            return true;
        }).isPresent();
    }

    void release() {
        media.release();
    }

    /** Runs {@code op} on the session; a session lost with the channel up is replaced once. */
    private <T> Optional<T> attempt(Function<MediaSession, T> op) {
        for (int tries = 0; tries < 2; tries++) {
            Optional<MediaSession> session = media.session();
            if (session.isEmpty()) return Optional.empty();
            try {
                return Optional.of(op.apply(session.get()));
            } catch (MediaSession.Ended e) {
                media.lost(); // a hangup ends the call here (CallerHungUp)
            }
        }
        return Optional.empty();
    }

    private static Heard heard(LineVerdict verdict, Duration after) {
        return switch (verdict) {
            case LineVerdict.Speech s -> new Heard.Voice(after);
            case LineVerdict.QuietVoice q -> new Heard.Quiet(after);
            case LineVerdict.Noise n -> new Heard.Noisy(after);
            case LineVerdict.Silence s -> new Heard.Silence(after);
        };
    }
}
