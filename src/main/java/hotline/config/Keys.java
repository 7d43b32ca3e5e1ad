package hotline.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.lang3.StringUtils;

/** Config key names: kebab-case from a record component's name, and the near key for a typo. */
final class Keys {

    private Keys() {}

    /** {@code pauseBeforeHangup} → {@code pause-before-hangup}. */
    static String kebab(String name) {
        return String.join("-", StringUtils.splitByCharacterTypeCamelCase(name)).toLowerCase(Locale.ROOT);
    }

    /** The message for an unknown key among {@code known} (the keys of its section). */
    static String unknown(String key, Collection<String> known) {
        return near(key, known).map(k -> "unknown key; did you mean " + k + "?")
                .orElseGet(() -> "unknown key; the keys here are " + String.join(", ", known.stream().sorted().toList()));
    }

    /**
     * The known key {@code key} was probably meant to be: the same key written in snake_case or
     * camelCase, else the nearest by edit distance, when at most about a third of it differs.
     */
    @SuppressWarnings("deprecation") // commons-lang3 keeps it; commons-text's LevenshteinDistance is its successor
    static Optional<String> near(String key, Collection<String> known) {
        String normal = kebab(key.replace('_', '-')).replaceAll("-+", "-");
        if (known.contains(normal)) {
            return Optional.of(normal);
        }
        int threshold = Math.max(2, key.length() / 3);
        return known.stream()
                .filter(k -> StringUtils.getLevenshteinDistance(normal, k, threshold) >= 0)
                .min(Comparator.comparingInt((String k) -> StringUtils.getLevenshteinDistance(normal, k))
                        .thenComparing(Comparator.naturalOrder()));
    }
}
