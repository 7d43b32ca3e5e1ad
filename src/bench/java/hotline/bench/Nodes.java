package hotline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One node against two on the same machine, under the same load (docs/performance.md#one-node-or-two):
 * the throughput run's silent line and channels, once against one server process and once against
 * two, the calls handed to the two in turn as the dialplan's {@code HOTLINE_NODES} does. All three
 * servers are up side by side; each round loads the one node, then the pair, and the ratio
 * two / one is taken per round. The store is each node's own SQLite file unless
 * {@code HOTLINE_PG_URL} (with {@code HOTLINE_PG_USER}, {@code HOTLINE_PG_PASSWORD}, as the lab's
 * tests read them) names one PostgreSQL for all of them, as production's nodes share one.
 */
final class Nodes {

    /** Per-round figures of one node and of the pair. */
    record Rounds(List<Load.Result> one, List<Load.Result> two) {
        List<Double> ratio() {
            var r = new ArrayList<Double>();
            for (int i = 0; i < one.size(); i++) r.add(two.get(i).sessionsPerSecond() / one.get(i).sessionsPerSecond());
            return r;
        }
    }

    private Nodes() {}

    /** The shared PostgreSQL's URL when {@code HOTLINE_PG_URL} is set, else empty. */
    private static String sharedUrl() {
        return System.getenv().getOrDefault("HOTLINE_PG_URL", "").trim();
    }

    private static BenchConfig.Store store(Path own) {
        if (sharedUrl().isEmpty()) return BenchConfig.Store.sqlite(own);
        return new BenchConfig.Store(sharedUrl(), System.getenv().getOrDefault("HOTLINE_PG_USER", "postgres"),
                System.getenv().getOrDefault("HOTLINE_PG_PASSWORD", ""));
    }

    static Rounds run(Path dir, int concurrency, Duration length, int rounds, PrintStream out)
            throws IOException, InterruptedException {
        out.printf("  store: %s%n", sharedUrl().isEmpty()
                ? "each node its own SQLite file (set HOTLINE_PG_URL for one shared PostgreSQL)"
                : "one PostgreSQL for every node (HOTLINE_PG_URL)");
        try (var one = node(dir, "bench-one", concurrency);
             var a = node(dir, "bench-a", concurrency);
             var b = node(dir, "bench-b", concurrency)) {
            List<ServerProcess> single = List.of(one);
            List<ServerProcess> pair = List.of(a, b);
            Duration warmUp = Duration.ofSeconds(Math.min(5, Math.max(2, length.toSeconds() / 2)));
            Load.closedLoop(single, CallShape.SILENT_LINE, concurrency, warmUp); // JIT, pools, connections
            Load.closedLoop(pair, CallShape.SILENT_LINE, concurrency, warmUp);
            var o = new ArrayList<Load.Result>();
            var t = new ArrayList<Load.Result>();
            for (int r = 0; r < rounds; r++) {
                o.add(Load.closedLoop(single, CallShape.SILENT_LINE, concurrency, length));
                t.add(Load.closedLoop(pair, CallShape.SILENT_LINE, concurrency, length));
                out.printf("  round %d: one node %.0f sessions/s, two nodes %.0f sessions/s%n", r + 1,
                        o.getLast().sessionsPerSecond(), t.getLast().sessionsPerSecond());
            }
            return new Rounds(o, t);
        }
    }

    /** A hotline node with its own ports and files; each node alone takes the whole load without refusing. */
    private static ServerProcess node(Path dir, String name, int concurrency) throws IOException {
        Path own = Files.createDirectories(dir.resolve(name));
        var config = new BenchConfig(ServerProcess.freePort(), ServerProcess.freePort(), concurrency * 2, "energy", false);
        return ServerProcess.hotline(config.write(own, name, store(own)), config.agiPort(), own.resolve("hotline.log"));
    }

    static void print(Rounds rounds, int concurrency, Duration length, PrintStream out) {
        out.printf("%nOne node or two: silent line, energy detector, %d concurrent channels in all, %d x %d s each "
                + "(min / median / max of rounds); %d cores shared by every node and the generator%n",
                concurrency, rounds.one().size(), length.toSeconds(), Runtime.getRuntime().availableProcessors());
        row(out, "sessions/s", rounds, Load.Result::sessionsPerSecond, "%.0f");
        row(out, "command turnaround p50 ms", rounds, r -> r.turnaroundMillis(50), "%.3f");
        row(out, "command turnaround p99 ms", rounds, r -> r.turnaroundMillis(99), "%.3f");
        row(out, "server CPU ms per session", rounds, Load.Result::cpuMillisPerSession, "%.3f");
        row(out, "refused + failed sessions", rounds, r -> (double) (r.refused() + r.failed()), "%.0f");
        out.printf("  ratio two nodes / one node sessions/s, per round: %s%n", Spread.minMedianMax(rounds.ratio(), "%.2f"));
    }

    private static void row(PrintStream out, String name, Rounds rounds, ToDoubleFunction<Load.Result> f, String format) {
        List<Double> one = rounds.one().stream().map(f::applyAsDouble).toList();
        List<Double> two = rounds.two().stream().map(f::applyAsDouble).toList();
        out.printf("  %-30s one node %-28s two nodes %-28s ratio %.2f%n", name, Spread.minMedianMax(one, format),
                Spread.minMedianMax(two, format), Spread.median(two) / Spread.median(one));
    }
}
