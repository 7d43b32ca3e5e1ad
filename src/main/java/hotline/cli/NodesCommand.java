package hotline.cli;

import hotline.ops.NodeVersionPublisher;
import hotline.store.NodeVersions.NodeVersion;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hotline nodes}: which call script every node on the shared store follows
 * (docs/operations.md#several-nodes). Exit 0 when the running nodes follow one script (their
 * files may differ in each node's own settings), 1 when they differ (a node was left out of a
 * reload), 2 when the store cannot be opened.
 */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "List the nodes on the store and the call script each follows; exit 1 when running nodes differ.")
public final class NodesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    /** The clock the ages are measured on (tests). */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        return store.with(spec, s -> {
            Instant now = clock.instant();
            List<NodeVersion> nodes = s.nodes().nodes(now.minus(NodeVersionPublisher.FORGET_AFTER));
            return print(nodes, now, spec.commandLine().getOut());
        });
    }

    static int print(List<NodeVersion> nodes, Instant now, PrintWriter out) {
        out.printf("%-24s %-8s %-14s %-8s %-16s %-22s %s%n", "node", "state", "version", "script", "build", "started", "seen");
        for (NodeVersion n : nodes) {
            boolean live = n.liveAt(now, NodeVersionPublisher.LIVE_WITHIN);
            out.printf("%-24s %-8s %-14s %-8s %-16s %-22s %s ago%n", n.node(), live ? "running" : "stopped", n.version(),
                    n.scriptHash(), n.build(), n.startedAt().toString().replaceFirst("\\.\\d+Z$", "Z"), age(Duration.between(n.seenAt(), now)));
        }
        List<NodeVersion> live = nodes.stream().filter(n -> n.liveAt(now, NodeVersionPublisher.LIVE_WITHIN)).toList();
        long configs = live.stream().map(NodeVersion::scriptHash).distinct().count();
        if (configs <= 1) {
            out.printf("%d node(s) running, %s%n", live.size(),
                    live.isEmpty() ? "none seen within " + NodeVersionPublisher.LIVE_WITHIN.toSeconds() + " s"
                            : "all following script " + live.getFirst().scriptHash());
            out.flush();
            return 0;
        }
        out.printf("%d node(s) running, following %d different scripts: give every node the same script and reload it%n",
                live.size(), configs);
        out.flush();
        return 1;
    }

    private static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }
}
