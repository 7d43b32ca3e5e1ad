package hotline.agi;

import static hotline.agi.ReloadableHotline.listening;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 5: GET /metrics after calls over the wire counts what their journal lines say. */
class MetricsOverTheWireTest {

    @TempDir
    Path dir;

    @Test
    void aScrapeAfterASilentCallAndAHangUpCountsOutcomesStepsVerdictsAndTheRest() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            new FakeAsterisk("hotline", "Local/s@robot-silent;1").call(h.port(), FakeAsterisk::silentCaller);
            new FakeAsterisk("hotline", "Local/s@robot-hangs-up;1").call(h.port(), command -> {
                if (command.startsWith("STREAM FILE")) return "200 result=-1 endpos=8000";
                if (command.startsWith("CHANNEL STATUS")) return "511 Command Not Permitted on a dead channel";
                return FakeAsterisk.silentCaller(command);
            });
            h.write(listening("4500ms"));
            h.hotline.reload(); // refused
            h.write(listening("4s"));
            String version = h.hotline.reload().version();
            awaitJournal(h, 2);

            String scrape = h.scrape();

            assertThat(scrape).contains(
                    "hotline_calls_total{outcome=\"silent-line-goodbye\"} 1.0",
                    "hotline_calls_total{outcome=\"caller-hung-up\"} 1.0",
                    "hotline_steps_reached_total{step=\"greeting\"} 2.0",
                    "hotline_steps_reached_total{step=\"cant-hear-you\"} 1.0",
                    "hotline_steps_reached_total{step=\"no-sound-goodbye\"} 1.0",
                    "hotline_steps_reached_total{step=\"hangup\"} 1.0",
                    "hotline_listening_verdicts_total{verdict=\"silence\"} 2.0",
                    "hotline_barge_ins_total 0.0",
                    "hotline_live_calls 0.0",
                    "hotline_reloads_total{result=\"refused\"} 1.0",
                    "hotline_reloads_total{result=\"swapped\"} 1.0",
                    "hotline_script_info{version=\"" + version + "\"} 1",
                    "hotline_callbacks{state=\"pending\"} 0.0",
                    "hotline_audiosocket_sessions_total 0.0",
                    "hotline_audiosocket_sessions_open 0.0");
            assertThat(scrape).doesNotContain("step=\"other\"");
        }
    }

    @Test
    void theAdminEndpointAnswersReloadOnlyToPost() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            var get = h.http("GET", "/reload");
            var post = h.http("POST", "/reload");

            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).startsWith("{\"ok\":true,\"version\":\"2-").endsWith("\"errors\":[],\"needs-restart\":[]}\n");
            h.write(listening("0s"));
            var refused = h.http("POST", "/reload");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("\"ok\":false", "\"version\":\"2-", "inbound.listening.listen-for");
        }
    }

    private static void awaitJournal(ReloadableHotline h, int lines) throws InterruptedException {
        for (int i = 0; i < 100 && h.journalLines.size() < lines; i++) Thread.sleep(20);
        assertThat(h.journalLines).hasSize(lines);
    }
}
