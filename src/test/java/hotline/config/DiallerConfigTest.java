package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dialler's config record: defaults, the dial template, validation messages that start with the key. */
class DiallerConfigTest {

    private static Dialler dial(String template) {
        return new Dialler(null, null, null, null, null, template, null, null, null);
    }

    @Test
    void theDefaultsPollEveryFiveSecondsAndRingForThirty() {
        Dialler d = Dialler.defaults();

        assertThat(d.enabled()).isTrue();
        assertThat(d.amiHost()).isEqualTo("127.0.0.1");
        assertThat(d.amiPort()).isEqualTo(5038);
        assertThat(d.amiSecret()).isEmpty();
        assertThat(d.pollEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.ringFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.queueTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theDialStringIsTheTemplateWithTheCallbacksDigits() {
        assertThat(dial("PJSIP/{number}@trunk").dialString("01012345678")).isEqualTo("PJSIP/01012345678@trunk");
        assertThat(dial("Local/{number}@callback-robots").dialString("5550001"))
                .isEqualTo("Local/5550001@callback-robots");
    }

    @Test
    void anythingButDigitsIsNeverDialled() {
        Dialler d = dial("PJSIP/{number}@trunk");

        assertThatThrownBy(() -> d.dialString("555&PJSIP/666")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.dialString("12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachBadValueIsRefusedWithItsKeyFirst() {
        assertThatThrownBy(() -> dial("PJSIP/trunk")).hasMessage("dial: 'PJSIP/trunk' must contain {number} exactly once");
        assertThatThrownBy(() -> dial("PJSIP/{number}&DAHDI/1")).hasMessageStartingWith("dial: ");
        assertThatThrownBy(() -> dial("{number}")).hasMessageStartingWith("dial: ");
        assertThatThrownBy(() -> new Dialler(null, null, 0, null, null, null, null, null, null))
                .hasMessage("ami-port: must be 1..65535, was 0");
        assertThatThrownBy(() -> new Dialler(null, null, null, null, null, null, Duration.ofMillis(10), null, null))
                .hasMessage("poll-every: 10ms is outside 100ms..1m");
        assertThatThrownBy(() -> new Dialler(null, null, null, null, null, null, null, Duration.ofSeconds(2), null))
                .hasMessage("ring-for: 2s is outside 5s..2m");
    }

    @Test
    void theSecretIsNeverPrinted() {
        var d = new Dialler(null, null, null, "hotline", "hush", null, null, null, null);

        assertThat(d.toString()).doesNotContain("hush").contains("amiSecret=***");
    }

    @Test
    void theSectionIsReadFromYaml() {
        HotlineConfig c = ConfigLoader.parse("t.yaml", """
                dialler:
                  ami-user: hotline-lab
                  ami-secret: x
                  dial: "Local/{number}@callback-robots"
                  poll-every: 1s
                  ring-for: 10s
                  queue-timeout: 60s
                """);

        assertThat(c.dialler().dial()).isEqualTo("Local/{number}@callback-robots");
        assertThat(c.dialler().pollEvery()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.dialler().queueTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
