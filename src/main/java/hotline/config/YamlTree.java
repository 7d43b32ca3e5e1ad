package hotline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * hotline.yaml as a tree that remembers where each key and value is written, so that every
 * problem found later can name its line and column. Read with Jackson's YAML parser (SnakeYAML).
 */
final class YamlTree {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** A 1-based line and column. */
    record Mark(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    sealed interface Node permits Scalar, Sequence, Mapping {
        Mark at();
    }

    /** A single value; {@code text} is as written (a YAML null is {@link #isNull()}). */
    record Scalar(String text, boolean isNull, Mark at) implements Node {}

    record Sequence(List<Node> items, Mark at) implements Node {}

    /** A key as written in a mapping: where the key is, and its value. */
    record Entry(Mark keyAt, Node value) {}

    record Mapping(Map<String, Entry> entries, Mark at) implements Node {}

    /** The file could not be read as YAML (a syntax error, a duplicate key, a second document). */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Mark> at;

        Unreadable(Optional<Mark> at, String message) {
            super(message);
            this.at = at;
        }

        Optional<Mark> at() {
            return at;
        }
    }

    private final JsonParser parser;

    private YamlTree(JsonParser parser) {
        this.parser = parser;
    }

    /** The document's tree; empty for an empty file. */
    static Optional<Node> parse(String yaml) throws Unreadable {
        try (JsonParser parser = YAML.createParser(yaml)) {
            var tree = new YamlTree(parser);
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            Node root = tree.node("");
            if (parser.nextToken() != null) {
                throw new Unreadable(mark(parser.currentTokenLocation()),
                        "a second YAML document (after ---): keep the whole config in one");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new Unreadable(Optional.empty(), "cannot read: " + e.getMessage());
        }
    }

    private Node node(String path) throws IOException, Unreadable {
        Mark at = mark(parser.currentTokenLocation()).orElse(new Mark(1, 1));
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Mark keyAt = mark(parser.currentTokenLocation()).orElse(at);
                parser.nextToken();
                String keyPath = path.isEmpty() ? key : path + "." + key;
                Entry previous = entries.put(key, new Entry(keyAt, node(keyPath)));
                if (previous != null) {
                    throw new Unreadable(Optional.of(keyAt), keyPath + ": written twice (first at line "
                            + previous.keyAt().line() + "); keep one");
                }
            }
            return new Mapping(Collections.unmodifiableMap(entries), at);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(path + "[" + items.size() + "]"));
            }
            return new Sequence(List.copyOf(items), at);
        }
        return new Scalar(token == JsonToken.VALUE_NULL ? "" : parser.getText(), token == JsonToken.VALUE_NULL, at);
    }

    private static Optional<Mark> mark(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? Optional.empty()
                : Optional.of(new Mark(loc.getLineNr(), Math.max(1, loc.getColumnNr())));
    }

    /** SnakeYAML's own words for a syntax error, on one line: the problem, then its context. */
    private static Unreadable unreadable(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            var problem = y.getProblemMark();
            String context = y.getContext() == null ? "" : " (" + y.getContext()
                    + (y.getContextMark() == null ? "" : " at " + (y.getContextMark().getLine() + 1) + ":"
                    + (y.getContextMark().getColumn() + 1)) + ")";
            return new Unreadable(Optional.of(new Mark(problem.getLine() + 1, problem.getColumn() + 1)),
                    "not valid YAML: " + y.getProblem() + context);
        }
        return new Unreadable(mark(e.getLocation()), "not valid YAML: " + e.getOriginalMessage());
    }
}
