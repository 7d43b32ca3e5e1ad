package hotline.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mu-law the SIPp robots send is G.711's: a sample comes back within its step. */
class MulawTest {

    @Test
    void everySampleSurvivesEncodingWithinItsQuantisationStep() {
        for (int s = -32768; s <= 32767; s += 7) {
            short back = Mulaw.decode(Mulaw.encode((short) s));
            int step = Math.max(8, Math.abs(s) / 16 + 8); // the step grows with the level (G.711 segments)
            assertThat(Math.abs(back - Math.max(-32635, Math.min(32635, s)))).as("sample %d", s).isLessThanOrEqualTo(step);
        }
    }

    @Test
    void digitalSilenceIsTheCodeEveryPhoneSends() {
        assertThat(Mulaw.encode((short) 0)).isEqualTo((byte) 0xff);
    }
}
