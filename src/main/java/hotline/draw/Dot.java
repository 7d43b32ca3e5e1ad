package hotline.draw;

/** A {@link Graph} as Graphviz DOT ({@code dot -Tsvg}). */
final class Dot {

    private Dot() {}

    static String render(Graph graph) {
        var out = new StringBuilder("digraph inbound {\n  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (var n : graph.nodes()) if (n.section().isEmpty()) out.append("  ").append(node(n)).append('\n');
        for (String section : graph.sectionOrder()) {
            out.append("  subgraph cluster_").append(section).append(" {\n    label=").append(quote(graph.sections().get(section)))
                    .append(";\n");
            for (var n : graph.nodes()) if (n.section().equals(section)) out.append("    ").append(node(n)).append('\n');
            out.append("  }\n");
        }
        for (var e : graph.edges()) {
            out.append("  ").append(e.from()).append(" -> ").append(e.to())
                    .append(e.label().isEmpty() ? "" : " [label=" + quote(e.label()) + "]").append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String node(Graph.Node n) {
        String shape = switch (n.shape()) {
            case STEP -> "box";
            case DECISION -> "diamond";
            case WAIT -> "parallelogram";
            case OUTCOME -> "box, style=\"rounded,filled\", fillcolor=\"#eeeeee\"";
        };
        return n.id() + " [shape=" + shape + ", label=" + quote(n.label()) + "];";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
