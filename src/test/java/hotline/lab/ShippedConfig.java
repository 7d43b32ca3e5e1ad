package hotline.lab;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** config/hotline.yaml as shipped, with the few edits a lab test makes to its own copy. */
public final class ShippedConfig {

    private static final Path FILE = Path.of("config/hotline.yaml");

    private ShippedConfig() {}

    /**
     * The shipped config with each {@code edits[i]} replaced by {@code edits[i + 1]}; each must occur
     * exactly once in the file, so a test fails loudly when the shipped file changes under it.
     */
    public static HotlineConfig with(String test, String... edits) {
        if (edits.length % 2 != 0) throw new IllegalArgumentException("edits come in pairs: from, to");
        try {
            String yaml = Files.readString(FILE);
            for (int i = 0; i < edits.length; i += 2) yaml = once(yaml, edits[i], edits[i + 1]);
            return ConfigLoader.parse(FILE + " (" + test + ")", yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String once(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException(FILE + " does not have exactly one '" + from + "'");
        }
        return text.replace(from, to);
    }
}
