package hotline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The capacity run: live calls ramped step by step (each fake channel places silent-line calls
 * back to back, shipped timings, every call streaming audio both ways from the answer) until a
 * limit is hit: a refused call or AudioSocket session, prompt-frame lateness p99 above 20 ms, a
 * scripted 5 s silence off by more than 200 ms (p99), or more than 64 KB of heap per live call.
 * Prints the curve and writes it as an SVG; names the limit hit first, and goes on past it (for the
 * curve) until calls suffer: refusals, pauses off by more than 200 ms, or frames 100 ms late.
 */
final class Ramp {

    /** One step of the curve. */
    record Step(int calls, double lateP99Millis, double pauseErrorP99Millis, double cpuPercent, double heapKbPerCall,
                int refused, int silences, double generatorCpuPercent) {
        /** Calls are refused, pauses are off by more than their limit, or frames 5 times later than theirs. */
        boolean beyondUse() {
            return refused > 0 || pauseErrorP99Millis > PAUSE_LIMIT_MS || lateP99Millis > 5 * LATE_LIMIT_MS;
        }

        /** The first limit this step crossed, or empty. */
        String limit() {
            if (refused > 0) return "refused calls or AudioSocket sessions (" + refused + ")";
            if (lateP99Millis > LATE_LIMIT_MS) return "prompt-frame lateness p99 above " + LATE_LIMIT_MS + " ms";
            if (pauseErrorP99Millis > PAUSE_LIMIT_MS) return "pause error p99 above ±" + PAUSE_LIMIT_MS + " ms";
            if (heapKbPerCall > HEAP_LIMIT_KB) return "heap above " + HEAP_LIMIT_KB + " KB per live call";
            return "";
        }
    }

    static final double LATE_LIMIT_MS = 20;
    static final double PAUSE_LIMIT_MS = 200;
    static final double HEAP_LIMIT_KB = 64;
    /** Longer than a silent line (33 s), so each step times whole windows and pauses. */
    static final long STEP_MILLIS = 40_000;
    /** Over how long a step's new calls arrive (a silent line lasts 33 s). */
    static final long ARRIVALS_MILLIS = 20_000;

    private Ramp() {}

    static List<Step> run(Path dir, List<Integer> targets, PrintStream out) throws IOException, InterruptedException {
        var config = new BenchConfig(ServerProcess.freePort(), ServerProcess.freePort(), 10_000, "audio", false);
        var stop = new AtomicBoolean();
        var refused = new AtomicInteger();
        var why = new ConcurrentHashMap<String, AtomicInteger>(); // what the refused calls ended with
        var observed = new Observed();
        var channels = new ArrayList<Thread>();
        var steps = new ArrayList<Step>();
        out.printf("%nCapacity ramp: silent lines back to back, shipped timings, every call streaming audio; %d s a step%n",
                STEP_MILLIS / 1000);
        out.printf("  %8s %14s %16s %10s %14s %8s %9s %14s%n", "calls", "late p99 ms", "pause err p99 ms", "CPU %",
                "heap KB/call", "refused", "silences", "generator CPU %");
        try (var hotline = ServerProcess.hotline(config.write(dir), config.agiPort(), dir.resolve("hotline-ramp.log"))) {
            warmUp(hotline);
            // after the audio path's classes, prompts and JIT are in
            HeapHistogram baseline = hotline.histogram(dir.resolve("histogram-baseline.txt"));
            for (int target : targets) {
                // the new calls arrive spread over ARRIVALS_MILLIS, as a busy hour's do: started all
                // at once they would end and start again together, a burst of set-ups every call length
                long gap = Math.max(5, ARRIVALS_MILLIS / Math.max(1, target - channels.size()));
                while (channels.size() < target) {
                    channels.add(Thread.ofVirtual().start(() -> channel(hotline, observed, refused, why, stop)));
                    ServerProcess.sleep(gap);
                }
                ServerProcess.sleep(3_000);
                observed.reset();
                refused.set(0);
                why.clear();
                double cpuBefore = hotline.cpuSeconds();
                double generatorBefore = generatorCpuSeconds();
                long started = System.nanoTime();
                ServerProcess.sleep(STEP_MILLIS);
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = (hotline.cpuSeconds() - cpuBefore) / seconds * 100;
                double generatorCpu = (generatorCpuSeconds() - generatorBefore) / seconds * 100;
                HeapHistogram heap = hotline.histogram(dir.resolve("histogram-" + target + ".txt"));
                long[] errors = observed.takeStretches().stream().mapToLong(s -> Math.abs(s - AudioRun.SCRIPTED_NANOS)).toArray();
                var step = new Step(target, observed.lateMillis(99), Spread.percentile(errors, 99) / 1e6, cpu,
                        (heap.total() - baseline.total()) / 1024.0 / target, refused.get(), errors.length, generatorCpu);
                steps.add(step);
                out.printf("  %8d %14.1f %16.0f %10.0f %14.1f %8d %9d %14.0f%n", step.calls(), step.lateP99Millis(),
                        step.pauseErrorP99Millis(), step.cpuPercent(), step.heapKbPerCall(), step.refused(), step.silences(),
                        step.generatorCpuPercent());
                if (!why.isEmpty()) out.printf("  %8s refused calls ended with: %s%n", "", why);
                for (var g : heap.topGrowth(baseline, target, 6)) {
                    out.printf("  %8s %14s heap: %,9.0f B/call  %s%n", "", "", g.bytesPerCall(), g.className());
                }
                if (step.beyondUse()) break; // past the first limit it goes on, for the curve, until calls suffer
            }
        } finally {
            stop.set(true);
        }
        String first = steps.stream().filter(s -> !s.limit().isEmpty()).findFirst()
                .map(s -> s.limit() + " at " + s.calls() + " live calls")
                .orElse("none within the ramp (the last step, " + steps.getLast().calls() + " calls, held every limit)");
        out.printf("  limit hit first: %s%n", first);
        Path svg = dir.resolve("capacity.svg");
        SvgPlot.write(svg, steps, first);
        out.printf("  plot: %s%n", svg);
        return steps;
    }

    /** Ten early speakers at once (4 s each): the audio path loaded before the heap's baseline is taken. */
    private static void warmUp(ServerProcess hotline) throws InterruptedException {
        var calls = new ArrayList<Thread>();
        for (int i = 0; i < 10; i++) {
            calls.add(Thread.ofVirtual().start(() -> {
                try {
                    FakeCall.run(hotline.agiPort, CallShape.EARLY_SPEAKER, Observed.IGNORED);
                } catch (IOException e) {
                    // a warm-up call that failed is seen again in the ramp's first step
                }
            }));
        }
        for (Thread t : calls) t.join();
    }

    /** One fake Asterisk channel: a silent-line call, then the next, until the ramp ends. */
    private static void channel(ServerProcess hotline, Observed observed, AtomicInteger refused,
                                ConcurrentHashMap<String, AtomicInteger> why, AtomicBoolean stop) {
        while (!stop.get()) {
            String wrong;
            try {
                FakeCall.Seen seen = FakeCall.run(hotline.agiPort, CallShape.SILENT_LINE, observed);
                boolean audioRefused = seen.commands().stream().anyMatch(c -> c.startsWith("STREAM FILE"));
                wrong = seen.refused() ? "refused:" + seen.outcome() : audioRefused ? "no AudioSocket session"
                        : seen.outcome().equals("silent-line-goodbye") ? null : "outcome:" + seen.outcome();
            } catch (IOException e) {
                wrong = stop.get() ? null : e.getClass().getSimpleName() + ":" + e.getMessage();
            }
            if (wrong != null) {
                refused.incrementAndGet();
                why.computeIfAbsent(wrong.length() > 80 ? wrong.substring(0, 80) : wrong, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    /** This harness's own CPU (the fake Asterisk's lines), to see how the box's cores were shared. */
    private static double generatorCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }
}
