package hotline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark harness (docs/performance.md): {@code bash src/bench/run.sh [all|throughput|audio|ramp|hold|guard|nodes]}.
 * Every figure is measured against servers started for this run on free loopback ports.
 */
public final class Bench {

    /** The capacity ramp's steps (live calls); it stops at the first limit hit. */
    private static final java.util.List<Integer> RAMP = java.util.Arrays.stream(
            System.getProperty("bench.ramp", "50,100,200,400,600,800,1000,1500,2000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();

    /** The live-call steps of {@code hold} (fake channels, each a call after the other). */
    private static final java.util.List<Integer> HOLD = java.util.Arrays.stream(
            System.getProperty("bench.hold", "1000,2500,5000,10000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();

    private Bench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "all" : args[0];
        Path dir = Files.createDirectories(Path.of("target", "bench", mode + "-" + System.currentTimeMillis()));
        var out = System.out;
        out.printf("hotline-ivr benchmark (%s); %d cores; server JVMs: %s; work files in %s%n", mode,
                Runtime.getRuntime().availableProcessors(), System.getenv().getOrDefault("BENCH_SERVER_JVM", "-Xmx2g"), dir);
        switch (mode) {
            case "throughput" -> throughput(dir, 200, 10, 3);
            case "guard" -> System.exit(Guard.run(dir, out));
            case "audio" -> audio(dir, Integer.getInteger("bench.calls", 100), Integer.getInteger("bench.rounds", 3));
            case "ramp" -> Ramp.run(dir, RAMP, out);
            case "hold" -> Hold.run(dir, HOLD, out);
            case "nodes" -> nodes(dir, Integer.getInteger("bench.channels", 200), Integer.getInteger("bench.seconds", 10),
                    Integer.getInteger("bench.rounds", 3));
            case "all" -> {
                throughput(dir, 200, 10, 3);
                audio(dir, Integer.getInteger("bench.calls", 100), Integer.getInteger("bench.rounds", 3));
                Ramp.run(dir, RAMP, out);
            }
            default -> {
                System.err.println("usage: run.sh [all|throughput|audio|ramp|hold|guard|nodes]");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void audio(Path dir, int calls, int rounds) throws Exception {
        AudioRun.print(AudioRun.run(dir, calls, rounds, System.out), calls, System.out);
    }

    private static void nodes(Path dir, int concurrency, int seconds, int rounds) throws Exception {
        var length = Duration.ofSeconds(seconds);
        Nodes.print(Nodes.run(dir, concurrency, length, rounds, System.out), concurrency, length, System.out);
    }

    private static void throughput(Path dir, int concurrency, int seconds, int rounds) throws Exception {
        var length = Duration.ofSeconds(seconds);
        Throughput.print(Throughput.run(dir, concurrency, length, rounds, System.out), concurrency, length, System.out);
    }
}
