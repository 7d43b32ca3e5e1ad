package hotline.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Validation used by the config records; messages start with the key they are about. */
final class Check {

    private static final Pattern PROMPT_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?");
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

    private Check() {}

    static void that(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static void promptKey(String key, String value) {
        that(PROMPT_KEY.matcher(value).matches(),
                key + ": '" + value + "' is not a prompt key (lower-case letters, digits and '-')");
    }

    static void queueName(String key, String value) {
        that(QUEUE_NAME.matcher(value).matches(),
                key + ": '" + value + "' is not a queue name (letters, digits, '_' and '-')");
    }

    static void between(String key, Duration value, Duration min, Duration max) {
        that(value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
                key + ": " + Durations.format(value) + " is outside " + Durations.format(min)
                        + ".." + Durations.format(max));
    }

    static void wholeSecondsBetween(String key, Duration value, long minSeconds, long maxSeconds) {
        that(value.toMillis() % 1000 == 0, key + ": " + Durations.format(value) + " must be whole seconds");
        between(key, value, Duration.ofSeconds(minSeconds), Duration.ofSeconds(maxSeconds));
    }
}
