package hotline.cli;

import ch.qos.logback.classic.Level;
import hotline.config.Store;
import hotline.store.CallbackStore;
import hotline.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The {@code --jdbc-url} option of the callbacks commands, and opening the store it names. */
final class StoreOption {

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = Store.DEFAULT_JDBC_URL,
            description = "The callback store: jdbc:sqlite:<file> or "
                    + "jdbc:postgresql://<host>:<port>/<db>?user=<u>&password=<p> (default: ${DEFAULT-VALUE}).")
    String jdbcUrl;

    /**
     * Opens the store, or prints why not to {@code err} and returns empty. A SQLite file that
     * does not exist is an error here: the CLI run from the wrong folder must not answer
     * "no callbacks" from a new empty database.
     */
    Optional<CallbackStore> open(PrintWriter err) {
        // Logs go to stdout, which carries the list or the export: keep them to errors.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        try {
            Store config = Store.at(jdbcUrl);
            Optional<Path> file = sqliteFile(config.jdbcUrl());
            if (file.isPresent() && !Files.isRegularFile(file.get())) {
                err.println("no callback store at " + file.get().toAbsolutePath()
                        + ": run from the server's folder or give --jdbc-url");
                return Optional.empty();
            }
            return Optional.of(CallbackStore.open(config, Clock.systemUTC()));
        } catch (IllegalArgumentException | StoreException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) return Optional.empty();
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
        return Optional.of(Path.of(file));
    }
}
