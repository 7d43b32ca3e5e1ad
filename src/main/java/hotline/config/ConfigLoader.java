package hotline.config;

import hotline.config.YamlTree.Mapping;
import hotline.config.YamlTree.Mark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds hotline.yaml to {@link HotlineConfig}. Keys are kebab-case; a key left out keeps its
 * default, whatever its neighbours say; unknown keys are errors (with the near key suggested).
 * Every problem of the file is reported at once, each as {@code file:line:column: key.path: why}.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /** The config in {@code file}; a {@link ConfigException} lists every problem. */
    public static HotlineConfig load(Path file) {
        return loadWithSources(file).config();
    }

    /** The config in {@code file} and which keys the file sets (the others are at their default). */
    public static LoadedConfig loadWithSources(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        return read(file.toString(), text);
    }

    /** The config in the YAML text {@code yaml}; {@code fileName} starts every problem. */
    public static HotlineConfig parse(String fileName, String yaml) {
        return read(fileName, yaml).config();
    }

    static LoadedConfig read(String fileName, String yaml) {
        var binder = new Binder(fileName);
        Mapping root;
        try {
            var node = YamlTree.parse(yaml).orElse(new Mapping(Map.of(), new Mark(1, 1)));
            if (!(node instanceof Mapping m)) {
                binder.problem(Optional.of(node.at()), "", "must be sections of keys (server:, inbound:, ...), not "
                        + Values.describe(node));
                throw new ConfigException(binder.problems());
            }
            root = m;
        } catch (YamlTree.Unreadable e) {
            binder.problem(e.at(), "", e.getMessage());
            throw new ConfigException(binder.problems());
        }
        var bound = binder.record(HotlineConfig.class, root, "", HotlineConfig.defaults());
        if (!binder.problems().isEmpty()) {
            throw new ConfigException(binder.problems());
        }
        return new LoadedConfig(bound.value(), binder.keysInFile());
    }
}
