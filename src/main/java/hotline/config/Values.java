package hotline.config;

import hotline.config.YamlTree.Mapping;
import hotline.config.YamlTree.Node;
import hotline.config.YamlTree.Scalar;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** One written value read as the type its key takes; the messages say what was expected. */
final class Values {

    private Values() {}

    static Object scalar(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        String t = text.strip();
        if (type == Integer.class) {
            if (!t.matches("[+-]?\\d{1,9}")) {
                throw new IllegalArgumentException(Check.quote(text) + " is not a whole number");
            }
            return Integer.valueOf(t);
        }
        if (type == Double.class) {
            try {
                return Double.valueOf(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Check.quote(text) + " is not a number (e.g. 15.0 or -28)");
            }
        }
        if (type == Boolean.class) {
            if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(Check.quote(text) + " is neither true nor false");
            }
            return Boolean.valueOf(t);
        }
        if (type == Duration.class) {
            return Durations.parse(text);
        }
        if (type == Path.class) {
            try {
                return Path.of(t);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(Check.quote(text) + " is not a file name");
            }
        }
        throw new IllegalStateException("no config value of type " + type);
    }

    /** What was written instead, in a few words. */
    static String describe(Node node) {
        return switch (node) {
            case Scalar s -> Check.quote(s.text());
            case Mapping m -> "a section";
            case YamlTree.Sequence s -> "a list";
        };
    }
}
