package hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.journal.CallRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each call is counted from its journal record: barge-ins, queue waits, verdicts, bounded step names. */
class CallMetricsTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public Instant instant() { return now; }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    };
    private final Metrics metrics = new Metrics();

    @Test
    void aCallerWhoBargesInAndWaitsFortyTwoSecondsInTheQueueIsCountedOnceForEachStep() {
        metrics.knowSteps(List.of("greeting", "connecting"));
        var record = new CallRecord(clock);
        record.step("greeting", Map.of("action", "play-then-listen"));
        record.stepResult(Map.of("heard", "voice", "barged-in-after-ms", 700L, "after-ms", 1000L));
        record.step("connecting", Map.of("action", "play"));
        record.step("queue", Map.of("queue", "hotline"));
        record.stepResult(Map.of("end", "answered", "agent", "PJSIP/agent-1"));
        now = now.plusSeconds(42);
        record.step("hangup", Map.of());
        record.step("some-step-nobody-configured", Map.of("heard", "quiet", "after-ms", 5000L));
        record.outcome("queued:hotline");

        metrics.calls(clock).accept(record);

        assertThat(metrics.text()).contains(
                "hotline_calls_total{outcome=\"queued\"} 1.0",
                "hotline_barge_ins_total 1.0",
                "hotline_listening_verdicts_total{verdict=\"speech\"} 1.0",
                "hotline_listening_verdicts_total{verdict=\"quiet\"} 1.0",
                "hotline_queue_wait_seconds_bucket{end=\"answered\",queue=\"hotline\",le=\"30.0\"} 0",
                "hotline_queue_wait_seconds_bucket{end=\"answered\",queue=\"hotline\",le=\"60.0\"} 1",
                "hotline_queue_wait_seconds_sum{end=\"answered\",queue=\"hotline\"} 42.0",
                "hotline_steps_reached_total{step=\"greeting\"} 1.0",
                "hotline_steps_reached_total{step=\"other\"} 1.0");
    }

    @Test
    void labelValuesThatAreNoCodesOrTooManyBecomeOther() {
        var label = new BoundedLabel(2);

        assertThat(List.of(label.of("no-answer"), label.of("busy"), label.of("congestion"), label.of("busy"),
                label.of("Evil\nvalue"))).containsExactly("no-answer", "busy", "other", "busy", "other");
    }

    @Test
    void theDiallersResultsAndTheScriptVersionAreScraped() {
        metrics.dialAttempt("reached");
        metrics.dialAttempt("no-answer");
        metrics.dialAttempt("no-answer");
        metrics.scriptVersion("1-aaaaaaaa");
        metrics.scriptVersion("2-bbbbbbbb");

        assertThat(metrics.text()).contains("hotline_dialler_attempts_total{result=\"no-answer\"} 2.0",
                "hotline_dialler_attempts_total{result=\"reached\"} 1.0", "hotline_script_info{version=\"2-bbbbbbbb\"} 1")
                .doesNotContain("1-aaaaaaaa");
    }
}
