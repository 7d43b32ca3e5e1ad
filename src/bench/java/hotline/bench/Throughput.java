package hotline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions/s and command turnaround, the hotline against bare Asterisk-Java in the same run:
 * both servers up side by side, each round loads one, then the other, with the same generator
 * and the same silent-line script (energy detector: the fake answers {@code Wait} and
 * {@code WaitForNoise} at once, so a session is its 14 commands). The ratio is taken per round.
 */
final class Throughput {

    /** Per-round figures of both servers and their ratios. */
    record Rounds(List<Load.Result> hotline, List<Load.Result> bare) {
        List<Double> ratio() {
            var r = new ArrayList<Double>();
            for (int i = 0; i < hotline.size(); i++) {
                r.add(hotline.get(i).sessionsPerSecond() / bare.get(i).sessionsPerSecond());
            }
            return r;
        }
    }

    private Throughput() {}

    static Rounds run(Path dir, int concurrency, Duration length, int rounds, PrintStream out)
            throws IOException, InterruptedException, java.sql.SQLException {
        int maxCalls = Math.min(10_000, concurrency * 2);
        var config = new BenchConfig(ServerProcess.freePort(), ServerProcess.freePort(), maxCalls, "energy", false); // the same "Wait 5.000" as the baseline sends
        int past = Integer.getInteger("bench.pastCallbacks", 0);
        if (past > 0) {
            boolean withoutIndex = Boolean.getBoolean("bench.withoutCallerIndex");
            PastCallbacks.fill(dir.resolve("hotline.db"), past, withoutIndex);
            out.printf("  the hotline's store holds %d past callbacks (DONE)%s%n", past,
                    withoutIndex ? ", without V9's index callbacks_caller" : "");
        }
        try (var bare = ServerProcess.bare(ServerProcess.freePort(), concurrency * 2, dir.resolve("asterisk-java.log"));
             var hotline = ServerProcess.hotline(config.write(dir), config.agiPort(), dir.resolve("hotline.log"))) {
            Duration warmUp = Duration.ofSeconds(Math.min(5, Math.max(2, length.toSeconds() / 2)));
            Load.closedLoop(bare, CallShape.SILENT_LINE, concurrency, warmUp);   // JIT, pools, connections
            Load.closedLoop(hotline, CallShape.SILENT_LINE, concurrency, warmUp);
            var h = new ArrayList<Load.Result>();
            var b = new ArrayList<Load.Result>();
            for (int r = 0; r < rounds; r++) {
                b.add(Load.closedLoop(bare, CallShape.SILENT_LINE, concurrency, length));
                h.add(Load.closedLoop(hotline, CallShape.SILENT_LINE, concurrency, length));
                out.printf("  round %d: hotline %.0f sessions/s, asterisk-java %.0f sessions/s%n", r + 1,
                        h.getLast().sessionsPerSecond(), b.getLast().sessionsPerSecond());
            }
            return new Rounds(h, b);
        }
    }

    static void print(Rounds rounds, int concurrency, Duration length, PrintStream out) {
        out.printf("%nThroughput: silent line, energy detector, %d concurrent channels, %d x %d s per server "
                + "(min / median / max of rounds)%n", concurrency, rounds.hotline().size(), length.toSeconds());
        out.printf("  commands per session: hotline %d, asterisk-java %d%n",
                rounds.hotline().getFirst().commandsPerSession(), rounds.bare().getFirst().commandsPerSession());
        row(out, "sessions/s", rounds, Load.Result::sessionsPerSecond, "%.0f");
        row(out, "command turnaround p50 ms", rounds, r -> r.turnaroundMillis(50), "%.3f");
        row(out, "command turnaround p99 ms", rounds, r -> r.turnaroundMillis(99), "%.3f");
        row(out, "command turnaround p99.9 ms", rounds, r -> r.turnaroundMillis(99.9), "%.3f");
        row(out, "server CPU ms per session", rounds, Load.Result::cpuMillisPerSession, "%.3f");
        row(out, "refused + failed sessions", rounds, r -> (double) (r.refused() + r.failed()), "%.0f");
        out.printf("  ratio hotline / asterisk-java sessions/s: %s%n", Spread.minMedianMax(rounds.ratio(), "%.2f"));
    }

    private static void row(PrintStream out, String name, Rounds rounds, java.util.function.ToDoubleFunction<Load.Result> f,
                            String format) {
        List<Double> h = rounds.hotline().stream().map(f::applyAsDouble).toList();
        List<Double> b = rounds.bare().stream().map(f::applyAsDouble).toList();
        out.printf("  %-30s hotline %-28s asterisk-java %-28s ratio %.2f%n", name, Spread.minMedianMax(h, format),
                Spread.minMedianMax(b, format), Spread.median(h) / Spread.median(b));
    }
}
