package hotline.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The restart-only keys ({@link Settings}) whose value in a reloaded file differs from the one
 * the server started with, as key paths ({@code server.port}, {@code dialler.ami-secret}): a
 * reload swaps the script and says these need a restart. Values are never shown (secrets).
 */
public final class RestartKeys {

    /** line-quality keys the AudioSocket server binds or checks at start; its thresholds are per call. */
    private static final Set<String> LINE_QUALITY_AT_START = Set.of("bind-address", "port", "asterisk-hosts");

    private RestartKeys() {}

    /**
     * @param running      the settings the server started with
     * @param reloaded     the settings in the file just read
     * @param audioRunning whether the AudioSocket server runs (a script that listens to audio needs it)
     */
    public static List<String> changed(Settings running, HotlineConfig reloaded, boolean audioRunning) {
        Settings next = reloaded.settings();
        List<String> keys = new ArrayList<>();
        diff("server", running.server(), next.server(), Set.of(), keys);
        diff("journal", running.journal(), next.journal(), Set.of(), keys);
        diff("store", running.store(), next.store(), Set.of("promise"), keys); // store.promise is per call
        diff("dialler", running.dialler(), next.dialler(), Set.of(), keys);
        for (RecordComponent c : LineQuality.class.getRecordComponents()) {
            String key = kebab(c.getName());
            if (LINE_QUALITY_AT_START.contains(key) && !Objects.equals(value(c, running.lineQuality()),
                    value(c, next.lineQuality()))) {
                keys.add("line-quality." + key);
            }
        }
        if (reloaded.inbound().listening().listensToAudio() && !audioRunning) {
            keys.add("inbound.listening.detector"); // audio needs the AudioSocket server, started at start only
        }
        return List.copyOf(keys);
    }

    private static void diff(String path, Record running, Record next, Set<String> perCall, List<String> keys) {
        for (RecordComponent c : running.getClass().getRecordComponents()) {
            String key = kebab(c.getName());
            if (perCall.contains(key)) continue;
            Object was = value(c, running);
            Object now = value(c, next);
            if (was instanceof Record r && now instanceof Record n) {
                diff(path + "." + key, r, n, Set.of(), keys);
            } else if (!Objects.equals(was, now)) {
                keys.add(path + "." + key);
            }
        }
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** {@code maxCalls} → {@code max-calls}, as the YAML writes it. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
