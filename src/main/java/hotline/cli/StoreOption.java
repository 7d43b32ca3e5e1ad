package hotline.cli;

import ch.qos.logback.classic.Level;
import hotline.config.ConfigException;
import hotline.config.ConfigLoader;
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

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The callback store: jdbc:sqlite:<file> or "
                    + "jdbc:postgresql://<host>:<port>/<db>?user=<u>&password=<p> (default: store.jdbc-url of --config).")
    String jdbcUrl;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "config/hotline.yaml",
            description = "The ops config whose store: section names the store (default: ${DEFAULT-VALUE}).")
    Path configFile;

    /**
     * Opens the store, or prints why not to {@code err} and returns empty. A SQLite file that
     * does not exist is an error here: the CLI run from the wrong folder must not answer
     * "no callbacks" from a new empty database.
     */
    Optional<CallbackStore> open(PrintWriter err) {
        // Logs go to stdout, which carries the list or the export: keep them to errors.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        try {
            Store config;
            if (jdbcUrl != null) {
                config = Store.at(jdbcUrl);
            } else if (Files.isRegularFile(configFile)) {
                config = ConfigLoader.load(configFile).store(); // user and password stay off the command line
            } else {
                config = Store.defaults();
            }
            Optional<Path> file = sqliteFile(config.jdbcUrl());
            if (file.isPresent() && !Files.isRegularFile(file.get())) {
                err.println("no callback store at " + file.get().toAbsolutePath()
                        + ": run from the server's folder or give --jdbc-url");
                return Optional.empty();
            }
            return Optional.of(CallbackStore.open(config, Clock.systemUTC()));
        } catch (IllegalArgumentException | StoreException | ConfigException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Opens the store, runs {@code work} on it and closes it: exit 2 when it cannot be opened,
     * 1 (its message on stderr) when the work refuses an argument, else what the work returns.
     */
    int with(picocli.CommandLine.Model.CommandSpec spec, java.util.function.ToIntFunction<CallbackStore> work) {
        var opened = open(spec.commandLine().getErr());
        if (opened.isEmpty()) return 2;
        try (CallbackStore store = opened.get()) {
            int code = work.applyAsInt(store);
            spec.commandLine().getOut().flush();
            return code;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    private static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) return Optional.empty();
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
        return Optional.of(Path.of(file));
    }
}
