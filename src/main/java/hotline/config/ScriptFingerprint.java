package hotline.config;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hash of a call script's content, equal on every node and every run that loaded the same
 * script: its records written out with maps and sets in sorted order. A record's own toString
 * will not do: {@code Map.copyOf} iterates in an order salted per JVM run. Left out: the
 * line-quality keys the AudioSocket server binds at start, which are each node's own (RestartKeys).
 */
public final class ScriptFingerprint {

    /** Components of the script that are a node's own setting, not the script it follows. */
    private static final Set<String> NODES_OWN = Set.of("LineQuality.bindAddress", "LineQuality.port",
            "LineQuality.asteriskHosts");

    private ScriptFingerprint() {
    }

    /** The first 8 hex digits of the SHA-256 of {@code script}'s canonical text. */
    public static String of(Script script) {
        return ScriptSource.hashOf(canonical(script));
    }

    static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Record r -> r.getClass().getSimpleName() + "[" + components(r) + "]";
            case Map<?, ?> m -> m.entrySet().stream().map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue()))
                    .sorted().collect(Collectors.joining(", ", "{", "}"));
            case Set<?> s -> s.stream().map(ScriptFingerprint::canonical).sorted().collect(Collectors.joining(", ", "[", "]"));
            case Collection<?> c -> c.stream().map(ScriptFingerprint::canonical).collect(Collectors.joining(", ", "[", "]"));
            case Optional<?> o -> o.map(v -> "Optional[" + canonical(v) + "]").orElse("Optional.empty");
            default -> String.valueOf(value);
        };
    }

    private static String components(Record r) {
        StringBuilder out = new StringBuilder();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (NODES_OWN.contains(r.getClass().getSimpleName() + "." + c.getName())) continue;
            if (!out.isEmpty()) out.append(", ");
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                out.append(c.getName()).append('=').append(canonical(accessor.invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
            }
        }
        return out.toString();
    }
}
