package hotline.cli;

import hotline.config.ConfigException;
import hotline.config.ConfigFile;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "config/hotline.yaml",
            description = "The ops config file (default: ${DEFAULT-VALUE}).")
    Path file;

    /** Reads the file with the hash of its text (serve: the script's version), or prints every problem. */
    Optional<ConfigFile> read() {
        try {
            return Optional.of(ConfigFile.read(file));
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return Optional.empty();
        }
    }

    /** Loads the file, or prints every problem to stderr and returns empty. */
    Optional<HotlineConfig> load() {
        try {
            return Optional.of(ConfigLoader.load(file));
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return Optional.empty();
        }
    }
}
