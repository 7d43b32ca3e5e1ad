package hotline.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CI guard (docs/performance.md#the-ci-guard): a short throughput run that fails when the
 * hotline's sessions/s fall below {@link #FLOOR} times bare Asterisk-Java's, measured in the same
 * run on the same machine: a ratio, never an absolute time, so a slow or busy CI box does not fail it.
 */
final class Guard {

    /** The median ratio of the rounds must stay at or above this (docs/performance.md says why). */
    static final double FLOOR = 0.25;
    static final int CONCURRENCY = 50;
    static final Duration ROUND = Duration.ofSeconds(5);
    static final int ROUNDS = 3;

    private Guard() {}

    static int run(Path dir, PrintStream out) throws Exception {
        var rounds = Throughput.run(dir, CONCURRENCY, ROUND, ROUNDS, out);
        Throughput.print(rounds, CONCURRENCY, ROUND, out);
        double ratio = Spread.median(rounds.ratio());
        boolean refusedAny = rounds.hotline().stream().anyMatch(r -> r.refused() + r.failed() > 0);
        if (ratio < FLOOR || refusedAny) {
            out.printf("GUARD FAILED: hotline / asterisk-java sessions/s median %.2f (floor %.2f)%s%n", ratio, FLOOR,
                    refusedAny ? "; the hotline refused or failed sessions" : "");
            return 1;
        }
        out.printf("guard passed: hotline / asterisk-java sessions/s median %.2f >= floor %.2f%n", ratio, FLOOR);
        return 0;
    }
}
