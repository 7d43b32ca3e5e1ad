package hotline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: {@code concurrency} fake Asterisk channels, each starting its next call as
 * soon as the last one ended, for {@code length}; the same generator for either server. Given
 * several servers (nodes), each call goes to the next one in turn, as the dialplan's
 * {@code HOTLINE_NODES} round robin sends them; CPU is then the nodes' together.
 */
final class Load {

    /** What one stretch of load saw. */
    record Result(int sessions, int refused, int failed, double seconds, long[] turnaroundNanos, double cpuSeconds,
                  int commandsPerSession) {
        double sessionsPerSecond() {
            return sessions / seconds;
        }

        double cpuMillisPerSession() {
            return sessions == 0 ? Double.NaN : cpuSeconds * 1000 / sessions;
        }

        double turnaroundMillis(double percentile) {
            return Spread.percentile(turnaroundNanos, percentile) / 1e6;
        }
    }

    private Load() {}

    static Result closedLoop(ServerProcess server, CallShape shape, int concurrency, Duration length)
            throws InterruptedException {
        return closedLoop(List.of(server), shape, concurrency, length);
    }

    static Result closedLoop(List<ServerProcess> nodes, CallShape shape, int concurrency, Duration length)
            throws InterruptedException {
        var turn = new AtomicInteger();
        var done = new AtomicInteger();
        var refused = new AtomicInteger();
        var failed = new AtomicInteger();
        var commands = new AtomicInteger();
        var turnarounds = new ConcurrentLinkedQueue<long[]>();
        double cpuBefore = cpuSeconds(nodes);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> channels = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            channels.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        var node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
                        FakeCall.Seen seen = FakeCall.run(node.agiPort, shape);
                        if (seen.refused()) {
                            refused.incrementAndGet();
                            continue;
                        }
                        done.incrementAndGet();
                        commands.compareAndSet(0, seen.commands().size());
                        turnarounds.add(seen.turnaroundNanos());
                    } catch (java.io.IOException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : channels) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds(nodes) - cpuBefore;
        long[] all = turnarounds.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Result(done.get(), refused.get(), failed.get(), seconds, all, cpu, commands.get());
    }

    private static double cpuSeconds(List<ServerProcess> nodes) {
        return nodes.stream().mapToDouble(ServerProcess::cpuSeconds).sum();
    }
}
