package hotline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own (the hotline as {@code serve} runs it, or the bare
 * Asterisk-Java baseline), so its CPU and heap are its own, not the generator's: CPU from the
 * process's accounting, live heap from {@code jcmd GC.class_histogram} (a full GC, then the
 * live objects' bytes). Both get the same JVM options ({@code BENCH_SERVER_JVM}, default -Xmx2g).
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    final int agiPort;
    final String name;

    private ServerProcess(String name, Process process, int agiPort) {
        this.name = name;
        this.process = process;
        this.agiPort = agiPort;
    }

    /** The hotline: {@code hotline serve --config <config>}. */
    static ServerProcess hotline(Path config, int agiPort, Path log) throws IOException {
        return start("hotline", List.of("hotline.Main", "serve", "--config", config.toString()), agiPort, log);
    }

    /** Bare Asterisk-Java's DefaultAgiServer with {@code threads} pool threads. */
    static ServerProcess bare(int agiPort, int threads, Path log) throws IOException {
        return start("asterisk-java", List.of(BareAsteriskJava.class.getName(), String.valueOf(agiPort),
                String.valueOf(threads)), agiPort, log);
    }

    private static ServerProcess start(String name, List<String> main, int port, Path log) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getenv().getOrDefault("BENCH_SERVER_JVM", "-Xmx2g").trim().split("\\s+")));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(main);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        var server = new ServerProcess(name, p, port);
        server.awaitListening(log);
        return server;
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException(name + " exited at start; see " + log);
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", agiPort), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IOException(name + " did not listen on " + agiPort + " within 60 s; see " + log);
    }

    /** CPU seconds the server's process used so far (user + system, all its threads). */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Bytes of live objects after a full GC ({@code jcmd <pid> GC.class_histogram}'s total). */
    long liveHeapBytes() throws IOException {
        return histogram(null).total();
    }

    /** The live objects after a full GC, class by class; the histogram's text kept in {@code keep} when given. */
    HeapHistogram histogram(Path keep) throws IOException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keep != null) Files.writeString(keep, out);
        return HeapHistogram.parse(out);
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM (the hotline drains), then at most 20 s before it is killed. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
