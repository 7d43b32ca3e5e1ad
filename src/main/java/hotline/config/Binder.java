package hotline.config;

import hotline.config.YamlTree.Mapping;
import hotline.config.YamlTree.Mark;
import hotline.config.YamlTree.Node;
import hotline.config.YamlTree.Scalar;
import hotline.config.YamlTree.Sequence;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds the YAML tree to the config records, collecting every problem with its key path and
 * position instead of stopping at the first. A record's key is its component's name in kebab-case.
 * A key left out is passed as {@code null}, so the record's compact constructor gives it its own
 * default, key by key; a record type that cannot default itself (it has different defaults at
 * different paths, like {@link LineLadder}) takes each key left out from the default config at its path.
 */
final class Binder {

    /** A problem as printed, with its position to sort by. */
    private record Found(Optional<Mark> at, String text) {}

    /** A bound value; {@code complete} is false when some of it was refused and replaced by its default. */
    record Bound<T>(T value, boolean complete) {}

    private static final Map<Class<?>, Boolean> DEFAULTS_ALONE = new ConcurrentHashMap<>();

    private final String file;
    private final List<Found> problems = new ArrayList<>();
    private final Set<String> keysInFile = new LinkedHashSet<>();

    Binder(String file) {
        this.file = file;
    }

    /** Every problem, in the order of the file: {@code file:line:column: key.path: why}. */
    List<String> problems() {
        Comparator<Optional<Mark>> byPlace = Comparator.comparing(
                m -> m.map(x -> (long) x.line() << 20 | x.column()).orElse(Long.MAX_VALUE));
        return problems.stream().sorted(Comparator.comparing(Found::at, byPlace)).map(Found::text).toList();
    }

    /** The key paths written in the file (with a value), e.g. {@code inbound.listening.listen-for}. */
    Set<String> keysInFile() {
        return Set.copyOf(keysInFile);
    }

    void problem(Optional<Mark> at, String keyPath, String why) {
        String where = at.map(m -> file + ":" + m + ": ").orElse(file + ": ");
        problems.add(new Found(at, where + (keyPath.isEmpty() ? "" : keyPath + ": ") + why));
    }

    <R extends Record> Bound<R> record(Class<R> type, Mapping node, String path, R pathDefault) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byKey.put(Keys.kebab(c.getName()), c);
        }
        boolean complete = true;
        for (var entry : node.entries().entrySet()) {
            if (!byKey.containsKey(entry.getKey())) {
                problem(Optional.of(entry.getValue().keyAt()), join(path, entry.getKey()),
                        Keys.unknown(entry.getKey(), byKey.keySet()));
                complete = false;
            }
        }
        boolean contextual = !defaultsAlone(type);
        Object[] values = new Object[components.length];
        Set<String> replaced = new HashSet<>();
        int i = 0;
        for (var e : byKey.entrySet()) {
            String key = e.getKey();
            RecordComponent c = e.getValue();
            Object fallback = contextual || c.getType().isRecord() ? read(c, pathDefault) : null;
            var written = Optional.ofNullable(node.entries().get(key)).filter(w -> !isNull(w.value()));
            Node value = written.map(YamlTree.Entry::value).orElse(null);
            Mark at = written.map(YamlTree.Entry::keyAt).orElse(node.at());
            if (written.isPresent()) {
                keysInFile.add(join(path, key));
            } else if (c.getType().isRecord()) {
                value = new Mapping(Map.of(), node.at());     // a section left out: every key at its default
            }
            if (value == null) {
                values[i++] = contextual ? fallback : null;
                continue;
            }
            Bound<?> bound = convert(value, at, c.getGenericType(), join(path, key), fallback);
            if (!bound.complete()) {
                replaced.add(key);
                complete = false;
            }
            values[i++] = bound.value() != null ? bound.value() : contextual ? fallback : null;
        }
        try {
            return new Bound<>(construct(type, components, values), complete);
        } catch (Check.Invalid invalid) {
            for (Check.Problem p : invalid.problems()) {
                if (p.involves().stream().noneMatch(replaced::contains)) {
                    problem(locate(node, p.at()), join(path, p.key()), p.message());
                }
            }
            return new Bound<>(pathDefault, false);
        }
    }

    /** {@code node} as {@code type}; {@code at} is where a problem with it is reported (its key, or the list item). */
    private Bound<?> convert(Node node, Mark at, Type type, String path, Object fallback) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            if (node instanceof Mapping m) {
                return record(raw.asSubclass(Record.class), m, path, (Record) fallback);
            }
            return refused(at, path, "must be a section (keys indented below it), not " + Values.describe(node));
        }
        if (raw == List.class) {
            if (!(node instanceof Sequence s)) {
                return refused(at, path, "must be a list, e.g. [a, b], not " + Values.describe(node));
            }
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < s.items().size(); i++) {
                Node it = s.items().get(i);
                Bound<?> b = convert(it, it.at(), item, path + "[" + i + "]", null);
                complete &= b.complete();
                items.add(b.value());
            }
            return complete ? new Bound<>(items, true) : new Bound<>(null, false);
        }
        if (raw == Map.class) {
            if (!(node instanceof Mapping m)) {
                return refused(at, path, "must be a section of entries (key: value), not " + Values.describe(node));
            }
            Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> entries = new LinkedHashMap<>();
            boolean complete = true;
            for (var e : m.entries().entrySet()) {
                String entryPath = path + "." + e.getKey();
                keysInFile.add(entryPath);
                Mark entryAt = e.getValue().keyAt();
                Bound<?> b = isNull(e.getValue().value()) ? refused(entryAt, entryPath, "needs a value")
                        : convert(e.getValue().value(), entryAt, value, entryPath, null);
                complete &= b.complete();
                entries.put(e.getKey(), b.value());
            }
            return complete ? new Bound<>(entries, true) : new Bound<>(null, false);
        }
        if (!(node instanceof Scalar scalar)) {
            return refused(at, path, "must be a single value, not " + Values.describe(node));
        }
        try {
            return new Bound<>(Values.scalar(scalar.text(), raw), true);
        } catch (IllegalArgumentException e) {
            return refused(at, path, e.getMessage());
        }
    }

    private Bound<?> refused(Mark at, String path, String why) {
        problem(Optional.of(at), path, why);
        return new Bound<>(null, false);
    }

    /** Where a record's problem is written: its key (or list item), else the nearest section above it. */
    private static Optional<Mark> locate(Mapping record, List<String> at) {
        Node node = record;
        Mark mark = record.at();
        for (String segment : at) {
            if (node instanceof Mapping m && m.entries().containsKey(segment)) {
                mark = m.entries().get(segment).keyAt();
                node = m.entries().get(segment).value();
            } else if (node instanceof Sequence s && segment.matches("\\d+") && Integer.parseInt(segment) < s.items().size()) {
                node = s.items().get(Integer.parseInt(segment));
                mark = node.at();
            } else {
                break;
            }
        }
        return Optional.of(mark);
    }

    private static boolean isNull(Node node) {
        return node instanceof Scalar s && s.isNull();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Object read(RecordComponent c, Record from) {
        try {
            return c.getAccessor().invoke(from);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
        }
    }

    /** Whether every key of {@code type} has a default of its own (it can be made with every key left out). */
    private static boolean defaultsAlone(Class<? extends Record> type) {
        return DEFAULTS_ALONE.computeIfAbsent(type, t -> {
            try {
                construct(type, type.getRecordComponents(), new Object[type.getRecordComponents().length]);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }
}
