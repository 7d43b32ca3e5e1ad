package hotline.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Issue 14: the script every node runs is in the shared store. Two real server processes on the
 * lab's PostgreSQL, their files different only in their own settings (dialler.node, ports):
 * {@code hotline nodes} finds both on one script; a reload (SIGHUP) of node B alone with an edited
 * timing makes it exit 1 naming two scripts, and node A's log warns; once node A has the same edit
 * and is reloaded, every node follows one script again.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class ReloadAcrossNodesIT extends LabCalls {

    private static final int PORT_A = 4665;
    private static final int PORT_B = 4667;
    /**
     * Two publish rounds (10 s each) and slack: the reload (SIGHUP, a config read) lands anywhere
     * in a round. (Misses on CI were SIGHUPs that never arrived: CI ran under nohup, and a JVM
     * started with SIGHUP ignored installs no handler. ServerProcess now starts each server with
     * SIGHUP at its default, as systemd does, and the server warns when it is ignored.)
     */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(25);

    private record Nodes(int code, String out) {}

    @Test
    void aNodeLeftOutOfAReloadIsShownByHotlineNodesUntilItIsReloadedToo() throws Exception {
        try (var nodes = new LabNodes();
             var a = ServerProcess.serve(nodes.config("lab-a", PORT_A), nodes.log("lab-a"));
             var b = ServerProcess.serve(nodes.config("lab-b", PORT_B), nodes.log("lab-b"))) {
            Path configA = nodes.dir.resolve("lab-a.yaml");
            Path configB = nodes.dir.resolve("lab-b.yaml");
            Nodes before = hotlineNodes(configA);
            assertThat(before.code()).as(before.out()).isZero();
            assertThat(before.out()).contains("lab-a", "lab-b", "2 node(s) running, all following script");

            Files.writeString(configB, Files.readString(configB).replace("max-wait: 40s", "max-wait: 45s"));
            b.reload();
            long reloadedAt = System.nanoTime();
            Nodes apart = awaitNodes(configA, n -> n.code() == 1, b);
            Duration shownAfter = Duration.ofNanos(System.nanoTime() - reloadedAt);
            assertThat(apart.out()).containsPattern("lab-b +running +2-[0-9a-f]{8}")
                    .contains("2 node(s) running, following 2 different scripts: give every node the same script and reload it");
            awaitLog(a, "the nodes follow 2 different scripts");

            Files.writeString(configA, Files.readString(configA).replace("max-wait: 40s", "max-wait: 45s"));
            a.reload();
            Nodes together = awaitNodes(configA, n -> n.code() == 0, a);
            assertThat(together.out()).containsPattern("lab-a +running +2-[0-9a-f]{8}")
                    .contains("2 node(s) running, all following script");
            System.out.printf("ReloadAcrossNodesIT: lab-b reloaded alone: `hotline nodes` exit 1 after %d ms; both reloaded: "
                    + "exit 0%n%s", shownAfter.toMillis(), together.out());
        }
    }

    private static Nodes hotlineNodes(Path config) {
        var out = new StringWriter();
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute("nodes", "--config", config.toString());
        return new Nodes(code, out.toString());
    }

    /** Polls {@code hotline nodes} until {@code done}; a miss shows the reloaded node's log. */
    private static Nodes awaitNodes(Path config, java.util.function.Predicate<Nodes> done, ServerProcess reloaded)
            throws Exception {
        long deadline = System.nanoTime() + SHOWN_WITHIN.toNanos();
        Nodes last = hotlineNodes(config);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("hotline nodes within %s:%n%s%nthe reloaded node's log (%s):%n%s".formatted(
                        SHOWN_WITHIN, last.out(), reloaded.log(), Files.readString(reloaded.log())));
            }
            Lab.pause(500);
            last = hotlineNodes(config);
        }
        return last;
    }

    private static void awaitLog(ServerProcess server, String text) throws Exception {
        long deadline = System.nanoTime() + SHOWN_WITHIN.toNanos();
        while (!Files.readString(server.log()).contains(text)) {
            assertThat(System.nanoTime()).as("'%s' in %s", text, server.log()).isLessThan(deadline);
            Lab.pause(500);
        }
    }
}
