package hotline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many live calls one node holds with Asterisk's own energy detector: fake channels place
 * silent-line calls back to back, each answered in real time (prompts, {@code WaitForNoise} and
 * {@code Wait} take as long as on Asterisk, about 24 s a call), and the steps add channels until
 * the target. Per step: the live calls, calls ended and how, refused or failed ones, the command
 * turnaround (the server's part only: the fake's pacing is left out), what the server added to a
 * call's scripted length, CPU, and heap per live call. {@code bash src/bench/run.sh hold}.
 */
final class Hold {

    /** What one step saw. */
    record Step(int channels, int liveMin, int liveMedian, int ended, int wrong, int refused, int failed, long[] turnaroundNanos,
                long[] addedNanos, double cpuPercent, double cpuMillisPerCall, double heapKbPerLiveCall) {}

    /** Long enough for whole calls (about 24 s each) to start and end inside it. */
    static final long STEP_MILLIS = 40_000;
    /** Over how long a step's new channels start, so calls do not start and end together. */
    static final long ARRIVALS_MILLIS = 24_000;

    private Hold() {}

    static List<Step> run(Path dir, List<Integer> targets, PrintStream out) throws IOException, InterruptedException {
        int most = targets.stream().mapToInt(Integer::intValue).max().orElse(1000);
        var config = new BenchConfig(ServerProcess.freePort(), ServerProcess.freePort(), most * 2, "energy", false);
        var stop = new AtomicBoolean();
        var live = new AtomicInteger();
        var seen = new ConcurrentLinkedQueue<FakeCall.Seen>();
        var failed = new AtomicInteger();
        var channels = new ArrayList<Thread>();
        var steps = new ArrayList<Step>();
        out.printf("%nLive calls held: silent lines back to back in real time, energy detector; %d s a step%n", STEP_MILLIS / 1000);
        out.printf("  %8s %11s %7s %7s %8s %8s %12s %12s %14s %7s %9s %9s%n", "channels", "live min/p50", "ended", "wrong",
                "refused", "failed", "cmd p50 ms", "cmd p99 ms", "added p99 ms", "CPU %", "CPU ms/call", "heap KB/call");
        try (var hotline = ServerProcess.hotline(config.write(dir), config.agiPort(), dir.resolve("hotline-hold.log"))) {
            FakeCall.inRealTime(hotline.agiPort, CallShape.SILENT_LINE); // classes, JIT and store in before the baseline
            HeapHistogram baseline = hotline.histogram(dir.resolve("histogram-baseline.txt"));
            for (int target : targets) {
                long gap = Math.max(1, ARRIVALS_MILLIS * 1_000_000 / Math.max(1, target - channels.size()));
                long next = System.nanoTime();
                while (channels.size() < target) {
                    channels.add(Thread.ofVirtual().start(() -> channel(hotline, live, seen, failed, stop)));
                    next += gap;
                    long wait = next - System.nanoTime();
                    if (wait > 1_000_000) ServerProcess.sleep(wait / 1_000_000);
                }
                ServerProcess.sleep(5_000);
                seen.clear();
                failed.set(0);
                var liveSamples = new ArrayList<Integer>();
                double cpuBefore = hotline.cpuSeconds();
                long started = System.nanoTime();
                while (System.nanoTime() - started < STEP_MILLIS * 1_000_000) {
                    ServerProcess.sleep(1_000);
                    liveSamples.add(live.get());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = hotline.cpuSeconds() - cpuBefore;
                int liveNow = live.get();
                HeapHistogram heap = hotline.histogram(dir.resolve("histogram-" + target + ".txt"));
                steps.add(step(target, liveSamples, new ArrayList<>(seen), failed.get(), cpu, seconds,
                        (heap.total() - baseline.total()) / 1024.0 / Math.max(1, liveNow)));
                print(steps.getLast(), out);
                for (var g : heap.topGrowth(baseline, Math.max(1, liveNow), 4)) {
                    out.printf("  %8s heap: %,9.0f B/live call  %s%n", "", g.bytesPerCall(), g.className());
                }
            }
        } finally {
            stop.set(true);
        }
        return steps;
    }

    private static Step step(int target, List<Integer> liveSamples, List<FakeCall.Seen> ended, int failed, double cpu,
                             double seconds, double heapKb) {
        var sorted = liveSamples.stream().sorted().toList();
        int refused = (int) ended.stream().filter(FakeCall.Seen::refused).count();
        int wrong = (int) ended.stream().filter(s -> !s.refused() && !s.outcome().equals("silent-line-goodbye")).count();
        long[] turnaround = ended.stream().filter(s -> !s.refused()).flatMapToLong(s -> java.util.Arrays.stream(s.turnaroundNanos()))
                .toArray();
        long[] added = ended.stream().filter(s -> !s.refused()).mapToLong(s -> s.lengthNanos() - s.heldNanos()).toArray();
        return new Step(target, sorted.getFirst(), sorted.get(sorted.size() / 2), ended.size(), wrong, refused, failed,
                turnaround, added, cpu / seconds * 100, ended.isEmpty() ? Double.NaN : cpu * 1000 / ended.size(), heapKb);
    }

    private static void print(Step s, PrintStream out) {
        out.printf("  %8d %5d/%-5d %7d %7d %8d %8d %12.2f %12.2f %14.0f %7.0f %9.2f %9.1f%n", s.channels(), s.liveMin(),
                s.liveMedian(), s.ended(), s.wrong(), s.refused(), s.failed(), Spread.percentile(s.turnaroundNanos(), 50) / 1e6,
                Spread.percentile(s.turnaroundNanos(), 99) / 1e6, Spread.percentile(s.addedNanos(), 99) / 1e6, s.cpuPercent(),
                s.cpuMillisPerCall(), s.heapKbPerLiveCall());
    }

    /** One fake Asterisk channel: a real-time silent line, then the next, until the run ends. */
    private static void channel(ServerProcess hotline, AtomicInteger live, ConcurrentLinkedQueue<FakeCall.Seen> seen,
                                AtomicInteger failed, AtomicBoolean stop) {
        while (!stop.get()) {
            live.incrementAndGet();
            try {
                seen.add(FakeCall.inRealTime(hotline.agiPort, CallShape.SILENT_LINE));
            } catch (IOException e) {
                if (!stop.get()) failed.incrementAndGet();
                ServerProcess.sleep(100); // a refused connection is not retried in a spin
            } finally {
                live.decrementAndGet();
            }
        }
    }
}
