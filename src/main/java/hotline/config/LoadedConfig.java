package hotline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;

/**
 * A config as loaded from its file, with the keys the file sets: every other key is at its default.
 *
 * @param config     the bound, validated config
 * @param keysInFile the key paths the file gives a value, e.g. {@code inbound.listening.listen-for}
 *                   and {@code store.promise.simple}
 */
public record LoadedConfig(HotlineConfig config, Set<String> keysInFile) {

    /** Where an effective value comes from. */
    public enum Source { FILE, DEFAULT }

    public LoadedConfig {
        keysInFile = Set.copyOf(keysInFile);
    }

    /** Every key with its effective value, as YAML writes it (secrets as {@code ***}). */
    public Map<String, String> values() {
        return EffectiveValues.of(config);
    }

    public Source sourceOf(String keyPath) {
        return keysInFile.contains(keyPath) ? Source.FILE : Source.DEFAULT;
    }

    /** {@code check --print}: one line per key, {@code inbound.listening.listen-for: 5s   # file}. */
    public List<String> lines() {
        Map<String, String> values = values();
        int width = Math.min(56, values.entrySet().stream()
                .mapToInt(e -> e.getKey().length() + 2 + e.getValue().length()).max().orElse(0));
        List<String> lines = new ArrayList<>();
        values.forEach((key, value) -> lines.add(StringUtils.rightPad(key + ": " + value, width) + "   # "
                + sourceOf(key).name().toLowerCase(java.util.Locale.ROOT)));
        return lines;
    }
}
