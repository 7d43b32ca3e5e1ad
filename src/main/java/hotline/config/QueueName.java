package hotline.config;

import java.util.regex.Pattern;

/**
 * What an Asterisk queue name may be here: 1 to 40 lower-case letters, digits, '_' and '-',
 * starting with a letter or digit. Asterisk compares queue names without case, and a name reaches
 * Queue() arguments, Originate variables and the callbacks table, so the config, the store and the
 * CLI all take this one rule (hotline.store.CallbackQueue).
 */
public final class QueueName {

    /** The longest name; the callbacks table's queue column is as wide (V3__queues_as_names.sql). */
    public static final int MAX_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private QueueName() {}

    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** Why {@code value} is refused, after its quoted value. */
    public static final String RULE = "1 to " + MAX_LENGTH + " lower-case letters, digits, '_' and '-', as in queues.conf";
}
