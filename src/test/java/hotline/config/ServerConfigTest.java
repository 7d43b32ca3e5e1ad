package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** server.header-timeout: its default, its range and its YAML key. */
class ServerConfigTest {

    @Test
    void theHeaderTimeoutDefaultsToThreeSeconds() {
        assertThat(Server.defaults().headerTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(new Server("127.0.0.1", 4573, 10, Duration.ZERO).headerTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theHeaderTimeoutIsReadFromTheYamlKey() {
        HotlineConfig config = ConfigLoader.parse("hotline.yaml", "server:\n  header-timeout: 750ms\n");

        assertThat(config.server().headerTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.server().maxCalls()).isEqualTo(Server.DEFAULT_MAX_CALLS).isEqualTo(600);
    }

    @Test
    void aHeaderTimeoutOutsideOneTenthOfASecondToAMinuteIsRefusedWithItsKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("hotline.yaml", "server:\n  port: 4573\n  header-timeout: 2m\n"))
                .hasMessageContaining("hotline.yaml:3").hasMessageContaining("server.header-timeout")
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> new Server(null, null, null, null, Duration.ofMillis(50)))
                .hasMessageStartingWith("header-timeout:");
    }
}
