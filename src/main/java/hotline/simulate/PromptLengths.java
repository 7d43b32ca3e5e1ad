package hotline.simulate;

import hotline.audio.PromptLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * How long each prompt plays: its WAV file's own length ({@code <sounds>/<lang>/hotline/<key>.wav},
 * read from the header only), in the caller's language or else the fallback, as the server plays it.
 */
final class PromptLengths {

    private static final Map<Path, Duration> KNOWN = new ConcurrentHashMap<>();

    private final Path soundsDir;
    private final String fallback;

    PromptLengths(Path soundsDir, String fallback) {
        this.soundsDir = soundsDir;
        this.fallback = fallback;
    }

    /** The prompt's length in {@code language} ({@code orFallback}: else in the fallback language). */
    Duration length(String language, String key, boolean orFallback) {
        for (String lang : orFallback ? new String[] {language, fallback} : new String[] {language}) {
            Path wav = soundsDir.resolve(lang).resolve(PromptLibrary.PROMPT_FOLDER).resolve(key + ".wav");
            if (Files.isRegularFile(wav)) return KNOWN.computeIfAbsent(wav, PromptLengths::read);
        }
        throw new IllegalStateException("no sound '" + key + "' in " + soundsDir.resolve(language)
                .resolve(PromptLibrary.PROMPT_FOLDER) + " (hotline check lists every missing prompt)");
    }

    private static Duration read(Path wav) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(wav.toFile());
            double seconds = f.getFrameLength() / (double) f.getFormat().getFrameRate();
            return Duration.ofNanos(Math.round(seconds * 1e9)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new IllegalStateException(wav + ": not a WAV file whose length can be read (" + e.getMessage() + ")", e);
        }
    }
}
