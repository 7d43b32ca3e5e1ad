package hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped config/hotline.yaml with only what a benchmark must change: its own loopback
 * ports (never the lab's 4573/4574), files in the run's folder, no admin endpoint nor dialler,
 * a max-calls above the load, the detector under test, and optionally short timings (windows
 * of 1 s, pauses of 1 s: the shortest the config allows) for runs that measure throughput rather than the script's pauses.
 * Everything else (prompts, ladders, languages) is the shipped script.
 */
record BenchConfig(int agiPort, int audioPort, int maxCalls, String detector, boolean shortTimings) {

    /** The store a server under test uses: a SQLite file of the run's, or a database named from outside. */
    record Store(String jdbcUrl, String user, String password) {
        static Store sqlite(Path dir) {
            return new Store("jdbc:sqlite:" + dir.resolve("hotline.db"), "", "");
        }
    }

    Path write(Path dir) throws IOException {
        return write(dir, "hotline-1", Store.sqlite(dir));
    }

    /** One of several nodes: its own {@code dialler.node} name, the given store, its files in {@code dir}. */
    Path write(Path dir, String node, Store store) throws IOException {
        String yaml = Files.readString(Path.of("config/hotline.yaml"));
        yaml = set(yaml, "^  port: 4573", "  port: " + agiPort);
        yaml = set(yaml, "^  port: 4574", "  port: " + audioPort);
        yaml = set(yaml, "^  max-calls: [0-9]+", "  max-calls: " + maxCalls);
        yaml = set(yaml, "^  admin-port: [0-9]+", "  admin-port: 0");
        yaml = set(yaml, "^  drain-grace: [0-9]+[a-z]+", "  drain-grace: 5s");
        yaml = set(yaml, "^  file: logs/journal.jsonl", "  file: " + dir.resolve("journal.jsonl"));
        yaml = set(yaml, "^  jdbc-url: jdbc:sqlite:data/hotline.db", "  user: " + quoted(store.user())
                + "\n  password: " + quoted(store.password()) + "\n  jdbc-url: " + quoted(store.jdbcUrl()));
        yaml = set(yaml, "^  spool: data/callback-spool.jsonl", "  spool: " + dir.resolve("spool.jsonl"));
        yaml = set(yaml, "^  enabled: true", "  enabled: false");
        yaml = set(yaml, "^  node: hotline-1", "  node: " + node);
        yaml = set(yaml, "^    detector: [a-z]+", "    detector: " + detector);
        if (shortTimings) {
            yaml = set(yaml, "^    listen-for: [0-9]+[a-z]+", "    listen-for: 1s");
            yaml = yaml.replaceAll("(?m)^(\\s+)pause-before-hangup: [0-9]+[a-z]+", "$1pause-before-hangup: 1s");
        }
        Path file = dir.resolve("hotline-bench.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String set(String yaml, String line, String replacement) {
        Matcher m = Pattern.compile(line + "\\b", Pattern.MULTILINE).matcher(yaml);
        if (!m.find()) throw new IllegalStateException("config/hotline.yaml has no line " + line + ": update BenchConfig");
        return m.replaceFirst(Matcher.quoteReplacement(replacement));
    }
}
