package hotline.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real server as ops run it: {@code java hotline.Main serve --config <file>} in its own
 * process, so a test can SIGKILL it (no hook, no drain) or SIGTERM it (the drain) mid-call.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve} and waits until it listens; its output is appended to {@code log}. */
    public static ServerProcess serve(Path config, Path log) {
        try {
            long before = Files.exists(log) ? Files.size(log) : 0;
            // SIGHUP at its default, as systemd starts a service: a run under nohup (CI) would
            // otherwise pass its ignored SIGHUP on, and reload() would reach nothing.
            Process p = new ProcessBuilder("env", "--default-signal=HUP",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "hotline.Main", "serve", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            var server = new ServerProcess(p, log);
            server.awaitListening(before);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(long from) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.size(log) > from) {
                String text = Files.readString(log);
                if (text.substring((int) Math.min(from, text.length())).contains("FastAGI listening")) return;
            }
            if (!process.isAlive()) break;
            Lab.pause(50);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }

    /**
     * The config of a lab server process: FastAGI on {@code port}, AudioSocket on port + 100,
     * journal and SQLite store under {@code dir}, no admin port (two may run at once), no dialler,
 * every language; {@code inbound}
     * is the YAML of the inbound section's lines (indented two spaces) that a test changes.
     */
    public static String labConfig(int port, Path dir, String inbound) {
        return """
                server: {port: %d, admin-port: 0}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s"}
                line-quality: {port: %d}
                dialler: {enabled: false}
                languages: {offered: [en, es, zh, ko, yue]}
                inbound:
                %s""".formatted(port, dir.resolve("journal.jsonl"), dir.resolve("hotline.db"), port + 100, inbound);
    }

    /** SIGKILL: no shutdown hook, no drain, no close. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGHUP: the server reads its config file again (a reload, as {@code systemctl reload} sends). */
    public void reload() {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) throw new AssertionError("kill -HUP failed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGTERM: the drain; returns the exit code, or -1 if it had not exited within {@code within}. */
    public int terminate(Duration within) {
        process.destroy();
        return waitFor(within);
    }

    private int waitFor(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
