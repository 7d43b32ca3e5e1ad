package hotline.ops;

import hotline.config.ConfigException;
import hotline.config.ConfigFile;
import hotline.config.HotlineConfig;
import hotline.config.RestartKeys;
import hotline.config.ScriptSource;
import hotline.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reload (SIGHUP, {@code hotline reload}, POST /reload): reads the config file again, runs
 * every check {@code hotline check} runs on what a reload applies, and only when all pass swaps the script new calls
 * take ({@link ScriptSource}); a call in progress keeps its snapshot to its end. A file that
 * fails leaves the running script as it is. Restart-only settings are compared with the ones the
 * server started with and named, never applied.
 */
public final class Reloader {

    private static final Logger log = LoggerFactory.getLogger(Reloader.class);
    private final Optional<Path> file;
    private final Settings running;
    private final boolean audioRunning;
    private final ScriptSource scripts;
    private final Metrics metrics;

    /**
     * @param file         the config file to read again; empty for a hotline built in code (refused)
     * @param running      the settings the server started with
     * @param audioRunning whether the AudioSocket server runs
     */
    public Reloader(Optional<Path> file, Settings running, boolean audioRunning, ScriptSource scripts, Metrics metrics) {
        this.file = file;
        this.running = running;
        this.audioRunning = audioRunning;
        this.scripts = scripts;
        this.metrics = metrics;
        metrics.scriptVersion(scripts.snapshot().version());
    }

    /** One reload at a time; returns what it did, also logged. */
    public synchronized ReloadResult reload() {
        if (file.isEmpty()) return refused(List.of("no config file to reload: this hotline was built in code"));
        ConfigFile read;
        try {
            read = ConfigFile.read(file.get());
        } catch (ConfigException e) {
            return refused(e.problems());
        } catch (RuntimeException e) {
            return refused(List.of(file.get() + ": " + e.getMessage()));
        }
        List<String> problems = read.reloadProblems();
        if (!problems.isEmpty()) return refused(problems);
        List<String> restart = RestartKeys.changed(running, read.config(), audioRunning);
        metrics.knowSteps(promptKeys(read.config()));
        scripts.swap(read.config().script(), read.hash());
        String version = scripts.snapshot().version();
        metrics.scriptVersion(version);
        metrics.reloaded(true);
        if (restart.isEmpty()) {
            log.info("reloaded {}: new calls follow script version {}", file.get(), version);
        } else {
            log.warn("reloaded {}: new calls follow script version {}; needs a restart: {}", file.get(), version,
                    String.join(", ", restart));
        }
        return new ReloadResult(true, version, List.of(), restart);
    }

    private ReloadResult refused(List<String> errors) {
        String version = scripts.snapshot().version();
        errors.forEach(e -> log.error("reload refused: {}", e));
        log.error("reload refused ({} problem(s)): calls go on with script version {}", errors.size(), version);
        metrics.reloaded(false);
        return new ReloadResult(false, version, errors, List.of());
    }

    /** Every prompt key a config's scripts can play (they are step names too). */
    public static List<String> promptKeys(HotlineConfig config) {
        return config.promptUses().map(u -> u.promptKey()).distinct().toList();
    }
}
