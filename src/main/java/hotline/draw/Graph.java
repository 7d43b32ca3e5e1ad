package hotline.draw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A flow as boxes and arrows, in sections; what {@link Mermaid} and {@link Dot} render. */
final class Graph {

    /** How a node is drawn: a prompt, a decision (what was heard, a key), a wait, an outcome. */
    enum Shape { STEP, DECISION, WAIT, OUTCOME }

    record Node(String id, String label, Shape shape, String section) {}

    record Edge(String from, String to, String label) {}

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, String> sections = new LinkedHashMap<>();
    private String section = "";

    /** Nodes added from now on belong to this section ({@code ""}: none). */
    Graph section(String id, String title) {
        if (!id.isEmpty()) sections.put(id, title);
        section = id;
        return this;
    }

    /** Adds a node once (a second add of the same id keeps the first). */
    String node(String id, Shape shape, String label) {
        nodes.putIfAbsent(id, new Node(id, label, shape, section));
        return id;
    }

    void edge(String from, String to, String label) {
        edges.add(new Edge(from, to, label));
    }

    void edge(String from, String to) {
        edge(from, to, "");
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    Map<String, String> sections() {
        return Map.copyOf(sections);
    }

    List<String> sectionOrder() {
        return List.copyOf(sections.keySet());
    }
}
