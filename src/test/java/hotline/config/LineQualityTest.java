package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LineQualityTest {

    @Test
    void everyKeyHasItsDocumentedDefault() {
        LineQuality q = LineQuality.defaults();

        assertThat(q.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(q.port()).isEqualTo(4574);
        assertThat(q.window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(q.confirmVoiceAfter()).isEqualTo(Duration.ofMillis(300));
        assertThat(q.voiceOverNoise()).isEqualTo(15.0);
        assertThat(q.quietBelow()).isEqualTo(-28.0);
        assertThat(q.silenceBelow()).isEqualTo(-42.0);
    }

    @Test
    void aValueOutsideItsRangeIsRefusedWithAMessageStartingWithItsKey() {
        assertRefused(() -> new LineQuality(null, 70000, null, null, null, null, null), "port: must be 1..65535, was 70000");
        assertRefused(() -> new LineQuality(null, null, Duration.ofMillis(500), null, null, null, null),
                "window: 500ms is outside 1s..30s");
        assertRefused(() -> new LineQuality(null, null, null, Duration.ofMillis(50), null, null, null),
                "confirm-voice-after: 50ms is outside 100ms..5s");
        assertRefused(() -> new LineQuality(null, null, Duration.ofSeconds(2), Duration.ofSeconds(3), null, null, null),
                "confirm-voice-after: 3s is longer than the window (2s)");
        assertRefused(() -> new LineQuality(null, null, null, null, 1.0, null, null), "voice-over-noise: 1.0 is outside 3.0..40.0");
        assertRefused(() -> new LineQuality(null, null, null, null, null, -5.0, null), "quiet-below: -5.0 is outside -60.0..-10.0");
        assertRefused(() -> new LineQuality(null, null, null, null, null, null, Double.NaN), "silence-below: NaN is outside -90.0..-20.0");
        assertRefused(() -> new LineQuality("0.0.0.0", null, null, null, null, null, null),
                "bind-address: must be an address Asterisk can connect to, was '0.0.0.0'");
    }

    @Test
    void anotherWindowKeepsTheRestAndShortensTheConfirmationToFit() {
        LineQuality q = new LineQuality(null, null, null, Duration.ofSeconds(2), null, null, null);

        assertThat(q.withWindow(Duration.ofSeconds(1)).confirmVoiceAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(q.withWindow(Duration.ofSeconds(8))).isEqualTo(
                new LineQuality(null, null, Duration.ofSeconds(8), Duration.ofSeconds(2), null, null, null));
    }

    private static void assertRefused(Runnable build, String message) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
