package hotline.store;

import hotline.config.QueueName;
import java.util.Optional;

/**
 * The line a callback waits in: the name of an Asterisk queue (queues.conf), stored as given.
 * Any queue the config names has callbacks: the agents', the team lead's, each dialect queue
 * (docs/callbacks.md). A name comes from config or from a stored row and reaches Asterisk as a
 * Queue() argument and an Originate variable, so it is checked wherever it is made
 * ({@link QueueName}: 1 to 40 lower-case letters, digits, '_' and '-').
 *
 * @param code the name, as in queues.conf, the database, exports and the CLI
 */
public record CallbackQueue(String code) {

    public CallbackQueue {
        Fields.check(isName(code), "queue: '" + Fields.shown(code) + "' is not a queue name (" + QueueName.RULE + ")");
    }

    /** The queue named {@code code}; throws {@link IllegalArgumentException} naming the field when it is not a name. */
    public static CallbackQueue of(String code) {
        return new CallbackQueue(code);
    }

    /** The queue named {@code code}, or empty when it is not a queue name. */
    public static Optional<CallbackQueue> parse(String code) {
        return isName(code) ? Optional.of(new CallbackQueue(code)) : Optional.empty();
    }

    public static boolean isName(String code) {
        return QueueName.isName(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
