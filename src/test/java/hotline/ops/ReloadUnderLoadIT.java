package hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ScriptSource;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 10 item 2 on the lab: {@code reload.calls} (200) concurrent robot calls while the config
 * is reloaded {@code reload.times} (50) times, alternating two files that differ in
 * {@code inbound.listening.listen-for} (4s / 5s). Every call's journal line names exactly one
 * script version, and every listening window of the call lasted what that version says.
 */
@Isolated("200 calls at once and 50 reloads: the lab's load would move every other class's timings")
class ReloadUnderLoadIT extends LabCalls {

    private static final int PORT = 4601;
    private static final int ADMIN = 4602;
    private static final int CALLS = Integer.getInteger("reload.calls", 200);
    private static final int TIMES = Integer.getInteger("reload.times", 50);
    private static final List<String> ROBOTS = List.of("robot-silent", "robot-hangs-up-greeting");
    private static final Pattern VERSION = Pattern.compile("\"script-version\":\"([^\"]+)\"");
    private static final Pattern WINDOW = Pattern.compile("\"at-most\":\"(\\d+)s\"");
    private static final Pattern SILENCE = Pattern.compile("\"after-ms\":(\\d+),\"heard\":\"silence\"|"
            + "\"heard\":\"silence\",\"after-ms\":(\\d+)|\"heard\":\"silence\"[^}]*\"after-ms\":(\\d+)");

    @Test
    void everyCallFollowsTheOneScriptVersionItStartedWithWhileTheConfigIsReloadedUnderLoad() throws Exception {
        Path dir = Files.createTempDirectory("hotline-reload");
        Path journal = dir.resolve("journal.jsonl");
        Path config = dir.resolve("hotline.yaml");
        Map<String, Integer> listenFor = new ConcurrentHashMap<>(); // version -> seconds
        String first = yaml(dir, 5);
        Files.writeString(config, first);
        listenFor.put("1-" + ScriptSource.hashOf(first), 5);
        var via = Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline");
        List<String> robots = new ArrayList<>();
        List<ReloadResult> reloads = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"));
             HttpClient http = HttpClient.newHttpClient()) {
            Thread reloader = Thread.ofPlatform().name("reloads").start(() -> {
                for (int i = 1; i <= TIMES; i++) {
                    int seconds = i % 2 == 1 ? 4 : 5;
                    try {
                        Files.writeString(config, yaml(dir, seconds));
                        var result = ReloadResult.fromJson(post(http, "/reload"));
                        synchronized (reloads) {
                            reloads.add(result);
                        }
                        listenFor.put(result.version(), seconds);
                        Thread.sleep(Long.getLong("reload.every-ms", 300));
                    } catch (Exception e) {
                        throw new AssertionError("reload " + i, e);
                    }
                }
            });
            for (int i = 0; i < CALLS; i++) {
                robots.add(lab.callFrom(ROBOTS.get(i % ROBOTS.size()), String.format("5570%04d", i), via));
                Thread.sleep(Long.getLong("reload.call-every-ms", 50));
            }
            reloader.join();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (String robot : robots) {
                HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(120));
                outcomes.merge(end.getOutcome(), 1, Integer::sum);
            }
            List<String> lines = awaitLines(journal, CALLS);
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;

            Map<String, Integer> callsPerVersion = new TreeMap<>();
            int windows = 0;
            for (String line : lines) {
                List<String> versions = all(VERSION, line);
                assertThat(versions).as("one script-version in %s", line).hasSize(1);
                String version = versions.getFirst();
                assertThat(listenFor).as("a version the server reported").containsKey(version);
                callsPerVersion.merge(version, 1, Integer::sum);
                int expected = listenFor.get(version);
                for (String window : all(WINDOW, line)) {
                    windows++;
                    assertThat(Integer.parseInt(window)).as("a window of %s in %s", version, line).isEqualTo(expected);
                }
                for (String ms : all(SILENCE, line)) {
                    assertThat(Long.parseLong(ms)).as("a silent window of %s in %s", version, line)
                            .isBetween(expected * 1000L - 500, expected * 1000L + 500);
                }
            }
            System.out.printf("ReloadUnderLoadIT: %d calls, %d reloads (%d swapped), %d versions seen in the journal, "
                    + "script versions per call = 1 for all %d lines, %d listening windows checked; outcomes %s; "
                    + "calls per version %s; %d s%n", CALLS, reloads.size(),
                    reloads.stream().filter(ReloadResult::ok).count(), callsPerVersion.size(), lines.size(), windows,
                    outcomes, callsPerVersion, seconds);

            assertThat(reloads).hasSize(TIMES).allSatisfy(r -> assertThat(r.ok()).as("%s", r).isTrue());
            assertThat(lines).hasSize(CALLS);
            assertThat(callsPerVersion.size()).as("calls met several versions").isGreaterThan(1);
            assertThat(outcomes.keySet()).allSatisfy(o -> assertThat(o).doesNotStartWith("failed")
                    .doesNotStartWith("fallback").isNotEqualTo("server-busy"));
            assertThat(server.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    /** POST to the admin endpoint, again for a moment while it is not bound yet (it starts after FastAGI). */
    static String post(HttpClient http, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ADMIN + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.net.ConnectException e) {
                if (attempt == 20) throw e;
                Thread.sleep(100);
            }
        }
    }

    private static String yaml(Path dir, int listenForSeconds) {
        return """
                server: {port: %d, admin-port: %d, max-calls: 300, drain-grace: 10s}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s", spool: %s}
                line-quality: {port: %d}
                dialler: {enabled: false}
                inbound:
                  listening: {listen-for: %ds}
                """.formatted(PORT, ADMIN, dir.resolve("journal.jsonl"), dir.resolve("hotline.db"),
                dir.resolve("spool.jsonl"), PORT + 100, listenForSeconds);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(m.group(g));
                    break;
                }
            }
        }
        return found;
    }

    private static List<String> awaitLines(Path journal, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(journal) ? Files.readAllLines(journal) : List.of();
            if (lines.size() >= count) break;
            Thread.sleep(100);
        }
        return lines;
    }
}
