package hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Issue 10 item 5 on the lab: {@code serve} as ops run it, two robot calls (one silent, one that
 * speaks and reaches the queue), then a scrape of GET /metrics counts them as their journal says.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class MetricsScrapeIT extends LabCalls {

    private static final int PORT = 4603;
    private static final int ADMIN = 4604;

    @Test
    void aScrapeAfterASilentCallAndASpeakerWhoReachedTheQueueCountsBoth() throws Exception {
        Path dir = Files.createTempDirectory("hotline-metrics");
        Path config = Files.writeString(dir.resolve("hotline.yaml"), """
                server: {port: %d, admin-port: %d}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s", spool: %s}
                line-quality: {port: %d}
                dialler: {enabled: false}
                """.formatted(PORT, ADMIN, dir.resolve("journal.jsonl"), dir.resolve("hotline.db"),
                dir.resolve("spool.jsonl"), PORT + 100));
        var via = Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline");
        try (ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"));
             HttpClient http = HttpClient.newHttpClient()) {
            String silent = lab.call("robot-silent", via);
            String speaks = lab.call("robot-speaks", via);
            QueueCallerJoinEvent queued = lab.await(QueueCallerJoinEvent.class,
                    e -> e.getChannel().startsWith("Local/s@robot-speaks"), Duration.ofSeconds(40),
                    "the speaking robot reaching the queue");
            Thread.sleep(2_000); // a moment in the queue
            lab.hangUp(queued.getChannel());
            assertThat(lab.awaitEnd(speaks, Duration.ofSeconds(30)).getOutcome()).isEqualTo("queued:hotline");
            assertThat(lab.awaitEnd(silent, Duration.ofSeconds(90)).getOutcome()).isEqualTo("silent-line-goodbye");

            String scrape = awaitScrape(http, "hotline_calls_total{outcome=\"silent-line-goodbye\"} 1.0");
            System.out.println("MetricsScrapeIT: the scrape after a silent call and a queued one:\n" + scrape);

            assertThat(scrape).contains(
                    "hotline_calls_total{outcome=\"silent-line-goodbye\"} 1.0",
                    "hotline_calls_total{outcome=\"queued\"} 1.0",
                    "hotline_steps_reached_total{step=\"greeting\"} 2.0",
                    "hotline_steps_reached_total{step=\"cant-hear-you\"} 1.0",
                    "hotline_steps_reached_total{step=\"no-sound-goodbye\"} 1.0",
                    "hotline_steps_reached_total{step=\"connecting\"} 1.0",
                    "hotline_steps_reached_total{step=\"queue\"} 1.0",
                    "hotline_queue_wait_seconds_count{end=\"abandoned\",queue=\"hotline\"} 1",
                    "hotline_audiosocket_sessions_open 0.0",
                    "hotline_live_calls 0.0",
                    "hotline_callbacks{state=\"pending\"} 0.0",
                    "hotline_script_info{version=\"1-");
            // One session per call, and one more where a call went back to plain AGI and listened
            // again, or replaced a session Asterisk ended with the channel up (CI once saw 3).
            assertThat(count(scrape, "hotline_audiosocket_sessions_total")).isBetween(2.0, 4.0);
            assertThat(count(scrape, "hotline_listening_verdicts_total{verdict=\"silence\"}")).isGreaterThanOrEqualTo(2);
            assertThat(count(scrape, "hotline_listening_verdicts_total{verdict=\"speech\"}")).isGreaterThanOrEqualTo(1);
            assertThat(server.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    private static String awaitScrape(HttpClient http, String expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ADMIN + "/metrics")).build();
        String body = "";
        for (int i = 0; i < 50 && !body.contains(expected); i++) { // the AMI event can overtake the journal line
            body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains(expected)) Thread.sleep(100);
        }
        return body;
    }

    private static double count(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).map(l -> l.substring(series.length() + 1))
                .mapToDouble(Double::parseDouble).findFirst().orElse(0);
    }
}
