package hotline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The audio path with the shipped timings (5 s windows, 5 s pause before the hang-up): every
 * call opens an AudioSocket session from the answer and the server paces prompts and silence.
 * First one call of each recorded shape (what the script did with it), then {@code calls}
 * silent lines at once, {@code rounds} times: the windows and pauses the callers timed, the
 * prompt frames' lateness, the heap each live call holds and the CPU each call costs.
 */
final class AudioRun {

    /** One round of {@code calls} concurrent silent lines. */
    record Round(double heapBytesPerCall, double cpuSecondsPerCall, double lateP99Millis, List<Long> stretches,
                 int completed, int refused) {}

    /** Three stretches per silent line: the two 5 s windows and the 5 s pause before the hang-up. */
    static final long SCRIPTED_NANOS = 5_000_000_000L;

    private AudioRun() {}

    static List<Round> run(Path dir, int calls, int rounds, PrintStream out) throws IOException, InterruptedException {
        var config = new BenchConfig(ServerProcess.freePort(), ServerProcess.freePort(), Math.max(200, calls * 2), "audio", false);
        try (var hotline = ServerProcess.hotline(config.write(dir), config.agiPort(), dir.resolve("hotline-audio.log"))) {
            out.printf("%nAudio path, shipped timings (windows 5 s, pause before hang-up 5 s): one call of each shape%n");
            replayShapes(hotline, out);
            var result = new ArrayList<Round>();
            for (int r = 0; r < rounds; r++) {
                result.add(round(hotline, calls));
                Round last = result.getLast();
                out.printf("  round %d: %d silent lines at once: %d completed, %d refused, heap %.1f KB/call, "
                        + "CPU %.3f s/call, prompt-frame lateness p99 %.1f ms%n", r + 1, calls, last.completed(),
                        last.refused(), last.heapBytesPerCall() / 1024, last.cpuSecondsPerCall(), last.lateP99Millis());
            }
            return result;
        }
    }

    private static void replayShapes(ServerProcess hotline, PrintStream out) throws InterruptedException {
        var lines = new ConcurrentLinkedQueue<String>();
        var threads = new ArrayList<Thread>();
        for (CallShape shape : CallShape.values()) {
            threads.add(Thread.ofVirtual().start(() -> {
                var observed = new Observed();
                try {
                    FakeCall.Seen seen = FakeCall.run(hotline.agiPort, shape, observed);
                    lines.add(String.format("  %-17s outcome %-28s %2d AGI commands, %d AudioSocket session(s), "
                            + "call %.1f s, silences heard %s", shape, seen.outcome(), seen.commands().size(),
                            seen.audio().size(), seen.lengthNanos() / 1e9, seconds(observed.takeStretches())));
                } catch (IOException e) {
                    lines.add("  " + shape + " failed: " + e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        lines.stream().sorted().forEach(out::println);
    }

    private static Round round(ServerProcess hotline, int calls) throws IOException, InterruptedException {
        var observed = new Observed();
        long baseline = hotline.liveHeapBytes();
        double cpuBefore = hotline.cpuSeconds();
        var outcomes = new ConcurrentLinkedQueue<String>();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < calls; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    outcomes.add(FakeCall.run(hotline.agiPort, CallShape.SILENT_LINE, observed).outcome());
                } catch (IOException e) {
                    outcomes.add("failed");
                }
            }));
            ServerProcess.sleep(10); // Asterisk answers calls as they come, not all in one instant
        }
        ServerProcess.sleep(8_000);  // every call live, in the greeting or the first window
        long held = hotline.liveHeapBytes();
        for (Thread t : threads) t.join();
        double cpu = hotline.cpuSeconds() - cpuBefore;
        int completed = (int) outcomes.stream().filter("silent-line-goodbye"::equals).count();
        int refused = calls - completed;
        return new Round((held - baseline) / (double) calls, cpu / calls, observed.lateMillis(99),
                observed.takeStretches(), completed, refused);
    }

    static void print(List<Round> rounds, int calls, PrintStream out) {
        out.printf("%nAudio path, %d concurrent silent lines, shipped timings (min / median / max of %d rounds)%n",
                calls, rounds.size());
        out.printf("  heap per live call KB          %s%n", Spread.minMedianMax(
                rounds.stream().map(r -> r.heapBytesPerCall() / 1024).toList(), "%.1f"));
        out.printf("  CPU seconds per call           %s%n", Spread.minMedianMax(
                rounds.stream().map(Round::cpuSecondsPerCall).toList(), "%.3f"));
        out.printf("  prompt-frame lateness p99 ms   %s%n", Spread.minMedianMax(
                rounds.stream().map(Round::lateP99Millis).toList(), "%.1f"));
        out.printf("  scripted 5 s silences, as heard: p50 / p99 / max error ms per round%n");
        for (Round r : rounds) {
            long[] errors = r.stretches().stream().mapToLong(s -> Math.abs(s - SCRIPTED_NANOS)).toArray();
            out.printf("    %d silences: %.0f / %.0f / %.0f  (lengths p50 %.2f s, max %.2f s)%n", errors.length,
                    Spread.percentile(errors, 50) / 1e6, Spread.percentile(errors, 99) / 1e6,
                    Spread.percentile(errors, 100) / 1e6, Spread.percentile(Spread.of(r.stretches()), 50) / 1e9,
                    Spread.percentile(Spread.of(r.stretches()), 100) / 1e9);
        }
    }

    static String seconds(List<Long> nanos) {
        return nanos.stream().map(n -> String.format("%.2fs", n / 1e9)).toList().toString();
    }
}
