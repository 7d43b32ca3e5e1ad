package hotline.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * hotline.yaml read once: the bound config and the hash of the very text it was bound from
 * (the script's version, {@link ScriptSource}), and every check {@code hotline check} runs.
 *
 * @param file   the file as named on the command line
 * @param config the bound and validated config
 * @param hash   the first 8 hex digits of the SHA-256 of the file's text
 */
public record ConfigFile(Path file, HotlineConfig config, String hash) {

    /** Reads and binds {@code file}; throws {@link ConfigException} with every problem the loader found. */
    public static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        return new ConfigFile(file, ConfigLoader.parse(file.toString(), text), ScriptSource.hashOf(text));
    }

    /** The checks beyond binding, as {@code check} runs them: empty when the file may be served. */
    public List<String> problems() {
        return problems(config, file.toString());
    }

    /**
     * The checks a reload applies: those of the script (every prompt has a sound in every
     * language). The AMI secret is a restart-only setting: a reload never applies it, so a node
     * that started with a warning about it can still be reloaded; {@code check} refuses it.
     */
    public List<String> reloadProblems() {
        return SoundCheck.problems(config, file.toString());
    }

    /** Every prompt has a sound in every language; the AMI secret is not a published one. */
    public static List<String> problems(HotlineConfig config, String fileName) {
        List<String> problems = new ArrayList<>(SoundCheck.problems(config, fileName));
        if (config.dialler().enabled() && config.dialler().secretIsPublished()) {
            problems.add(fileName + ": dialler.ami-secret: '" + config.dialler().amiSecret() + "' is the sample "
                    + "published with hotline-ivr (asterisk-conf/manager.conf); set a secret of your own in "
                    + "manager.conf and here");
        }
        return problems;
    }
}
