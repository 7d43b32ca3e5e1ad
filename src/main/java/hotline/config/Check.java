package hotline.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;

/**
 * The validation of one config record: a record's compact constructor makes one, runs every check
 * (each names the key it is about, relative to the record) and calls {@link #done()}, which throws
 * {@link Invalid} with every problem found, not only the first.
 */
final class Check {

    private static final Pattern PROMPT_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?");
    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");
    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Values quoted in messages are cut to this, so a pasted paragraph does not flood the output. */
    private static final int QUOTED_MAX = 60;

    /**
     * One problem of a record.
     *
     * @param key      what the message is about, relative to the record: {@code port},
     *                 {@code reprompts[1]}, {@code confirmed-prompts.simple}, {@code agents.callback-reason}
     * @param at       where it is written, relative to the record (keys and list indexes), for the line number
     * @param message  why, without the key
     * @param involves the record's own keys the check read: a problem about a key the loader had to
     *                 replace by its default (its value was refused) is not reported, it would be about the default
     */
    record Problem(String key, List<String> at, String message, Set<String> involves) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    /** The problems of one record; the message is one line per problem, each starting with its key. */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(StringUtils.join(problems, "\n"));
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    /** Throws every problem found; returns when there is none. */
    void done() {
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }

    /** A problem about {@code key}. */
    void that(String key, boolean ok, String message) {
        if (!ok) {
            problems.add(new Problem(key, List.of(key), message, Set.of(key)));
        }
    }

    /** A problem about several of the record's keys, named by {@code key} (a dotted path). */
    void across(String key, Set<String> involves, boolean ok, String message) {
        if (!ok) {
            problems.add(new Problem(key, List.of(key.split("\\.")), message, involves));
        }
    }

    /** A problem about item {@code index} of the list {@code key}. */
    void item(String key, int index, boolean ok, String message) {
        if (!ok) {
            problems.add(new Problem(key + "[" + index + "]", List.of(key, String.valueOf(index)), message, Set.of(key)));
        }
    }

    /** A problem about the name of entry {@code entry} of the map {@code key} (the entry's key is wrong). */
    void entryName(String key, String entry, boolean ok, String message) {
        if (!ok) {
            problems.add(new Problem(key, List.of(key, entry), message, Set.of(key)));
        }
    }

    /** A problem about the value of entry {@code entry} of the map {@code key}. */
    void entryValue(String key, String entry, boolean ok, String message) {
        if (!ok) {
            problems.add(new Problem(key + "." + entry, List.of(key, entry), message, Set.of(key)));
        }
    }

    /** A problem about item {@code index} of the list that is entry {@code entry} of the map {@code key}. */
    void entryItem(String key, String entry, int index, boolean ok, String message) {
        if (!ok) {
            problems.add(new Problem(key + "." + entry + "[" + index + "]", List.of(key, entry, String.valueOf(index)),
                    message, Set.of(key)));
        }
    }

    void promptKey(String key, String value) {
        that(key, isPromptKey(value), notPromptKey(value));
    }

    void promptKeys(String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            item(key, i, isPromptKey(values.get(i)), notPromptKey(values.get(i)));
        }
    }

    void reasonCode(String key, String value) {
        that(key, isReasonCode(value), notReasonCode(value));
    }

    void queueName(String key, String value) {
        that(key, QueueName.isName(value), quote(value) + " is not a queue name (" + QueueName.RULE + ")");
    }

    void queueNames(String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            item(key, i, QueueName.isName(values.get(i)), quote(values.get(i)) + " is not a queue name ("
                    + QueueName.RULE + ")");
        }
    }

    void contextName(String key, String value) {
        that(key, CONTEXT_NAME.matcher(value).matches(),
                quote(value) + " is not a dialplan context name (letters, digits, '_' and '-', as in extensions.conf)");
    }

    void phoneKey(String key, String value, boolean emptyAllowed) {
        that(key, emptyAllowed && value.isEmpty() || value.matches("[0-9*#]"),
                quote(value) + " is not a single phone key (0-9, * or #" + (emptyAllowed ? "; \"\" for none)" : ")"));
    }

    void count(String key, int value, int min, int max) {
        that(key, value >= min && value <= max, "must be " + min + ".." + max + ", was " + value);
    }

    void between(String key, Duration value, Duration min, Duration max) {
        that(key, value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
                Durations.format(value) + " is outside " + Durations.format(min) + ".." + Durations.format(max));
    }

    void wholeSecondsBetween(String key, Duration value, long minSeconds, long maxSeconds) {
        if (value.toMillis() % 1000 != 0) {
            that(key, false, Durations.format(value) + " must be whole seconds");
        } else {
            between(key, value, Duration.ofSeconds(minSeconds), Duration.ofSeconds(maxSeconds));
        }
    }

    static boolean isPromptKey(String value) {
        return value != null && PROMPT_KEY.matcher(value).matches();
    }

    static String notPromptKey(String value) {
        return quote(value) + " is not a prompt key (lower-case letters, digits and '-', e.g. cant-hear-you)";
    }

    static boolean isReasonCode(String value) {
        return value != null && REASON_CODE.matcher(value).matches();
    }

    static String notReasonCode(String value) {
        return quote(value) + " is not a reason code (lower-case letters, digits and '-', e.g. simple)";
    }

    /** A value as a message quotes it: in single quotes, cut with "..." when long. */
    static String quote(Object value) {
        return "'" + StringUtils.abbreviate(String.valueOf(value), QUOTED_MAX) + "'";
    }
}
