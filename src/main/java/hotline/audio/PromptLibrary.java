package hotline.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompts a media session streams, read from the project's sounds folder
 * ({@code <sounds>/<language>/hotline/<key>.wav}) once and kept while the file is unchanged.
 */
public final class PromptLibrary {

    private static final Logger log = LoggerFactory.getLogger(PromptLibrary.class);
    public static final String PROMPT_FOLDER = "hotline";

    private record Loaded(FileTime modified, PromptAudio audio) {}

    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * The prompt in {@code language}, else in {@code fallback}; empty when neither file is
     * here or it is not 8 kHz mono 16-bit (then Asterisk plays it, without barge-in).
     */
    public Optional<PromptAudio> find(Path soundsDir, String language, String fallback, String key) {
        for (String lang : new String[] {language, fallback}) {
            Path wav = soundsDir.resolve(lang).resolve(PROMPT_FOLDER).resolve(key + ".wav");
            try {
                if (!Files.isRegularFile(wav)) continue;
                FileTime modified = Files.getLastModifiedTime(wav);
                Loaded known = loaded.get(wav);
                if (known != null && known.modified().equals(modified)) return Optional.of(known.audio());
                PromptAudio audio = PromptAudio.read(wav);
                loaded.put(wav, new Loaded(modified, audio));
                if (!lang.equals(language)) log.warn("prompt '{}' is missing in '{}': playing it in '{}'", key, language, lang);
                return Optional.of(audio);
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("prompt {} cannot be streamed: {}", wav, e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
