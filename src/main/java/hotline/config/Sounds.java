package hotline.config;

import java.nio.file.Path;

/**
 * Where the recorded prompts are.
 *
 * @param dir the project's sounds folder, laid out as Asterisk expects
 *            ({@code <dir>/<lang>/hotline/<key>.wav}); {@code check} looks here
 */
public record Sounds(Path dir) {

    public Sounds {
        dir = dir == null ? Path.of("sounds") : dir;
    }

    static Sounds defaults() {
        return new Sounds(null);
    }
}
