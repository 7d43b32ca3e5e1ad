package hotline.config;

import java.nio.file.Path;

/**
 * The call journal: one JSON line per call.
 *
 * @param file where the lines are appended (folders are created)
 */
public record Journal(Path file) {

    public Journal {
        file = file == null ? Path.of("logs", "journal.jsonl") : file;
    }

    static Journal defaults() {
        return new Journal(null);
    }
}
