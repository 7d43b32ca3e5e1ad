package hotline.store;

/**
 * The database could not be reached or refused the statement. Treat the operation as not
 * done: a {@link CallbackStore#save} that threw saved nothing the caller may rely on.
 */
public final class StoreException extends RuntimeException {

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    StoreException(String message) {
        super(message);
    }
}
