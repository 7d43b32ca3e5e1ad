package hotline.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every prompt the config can play must have a sound file in every offered language. */
public final class SoundCheck {

    /** File formats Asterisk plays without help. */
    static final List<String> FORMATS = List.of("wav", "sln", "ulaw", "alaw", "gsm", "g722", "sln16", "wav16");

    private SoundCheck() {}

    public static List<String> problems(HotlineConfig config, String configFile) {
        Path dir = config.sounds().dir();
        return config.languages().offered().stream()
                .flatMap(lang -> config.promptUses()
                        .filter(use -> !exists(dir.resolve(lang).resolve("hotline"), use.promptKey()))
                        .map(use -> configFile + ": " + use.keyPath() + ": no sound '" + use.promptKey()
                                + "' in " + dir.resolve(lang).resolve("hotline") + "/"))
                .distinct()
                .toList();
    }

    private static boolean exists(Path folder, String key) {
        return FORMATS.stream().anyMatch(ext -> Files.isRegularFile(folder.resolve(key + "." + ext)));
    }
}
