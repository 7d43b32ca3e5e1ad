package hotline.cli;

import hotline.draw.DiagramPage;
import hotline.draw.InboundDiagram;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "draw", mixinStandardHelpOptions = true,
        description = "Draw the configured inbound flow (every prompt, pause, branch and outcome, with the "
                + "config's timings) as Mermaid or Graphviz DOT text.")
public final class DrawCommand implements Callable<Integer> {

    enum Format { mermaid, dot, markdown }

    @Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "mermaid",
            description = "mermaid (default), dot, or markdown (the page docs/call-flows/inbound-diagram.md).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = config.load();
        if (loaded.isEmpty()) return 2;
        var script = loaded.get().script();
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case mermaid -> InboundDiagram.mermaid(script);
            case dot -> InboundDiagram.dot(script);
            case markdown -> DiagramPage.markdown(script);
        });
        out.flush();
        return 0;
    }
}
