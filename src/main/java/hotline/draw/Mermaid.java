package hotline.draw;

import java.util.stream.Collectors;

/** A {@link Graph} as Mermaid flowchart text (GitHub renders it in a ```mermaid block). */
final class Mermaid {

    private Mermaid() {}

    static String render(Graph graph) {
        var out = new StringBuilder("flowchart TD\n");
        for (var n : graph.nodes()) if (n.section().isEmpty()) out.append("  ").append(node(n)).append('\n');
        for (String section : graph.sectionOrder()) {
            out.append("  subgraph ").append(section).append("[\"").append(text(graph.sections().get(section)))
                    .append("\"]\n");
            for (var n : graph.nodes()) if (n.section().equals(section)) out.append("    ").append(node(n)).append('\n');
            out.append("  end\n");
        }
        for (var e : graph.edges()) {
            out.append("  ").append(e.from()).append(e.label().isEmpty() ? " --> " : " -- \"" + text(e.label()) + "\" --> ")
                    .append(e.to()).append('\n');
        }
        return out.toString();
    }

    private static String node(Graph.Node n) {
        String label = "\"" + text(n.label()) + "\"";
        return n.id() + switch (n.shape()) {
            case STEP -> "[" + label + "]";
            case DECISION -> "{" + label + "}";
            case WAIT -> "[/" + label + "/]";
            case OUTCOME -> "([" + label + "])";
        };
    }

    /** Mermaid text: quotes and angle brackets as entities, lines as {@code <br/>}. */
    private static String text(String s) {
        return s.lines().map(l -> l.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;"))
                .collect(Collectors.joining("<br/>"));
    }
}
