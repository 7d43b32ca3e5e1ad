package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FrameLogTest {

    @Test
    void framesReadBackAsTheyWereAddedToFloatPrecisionPastSeveralGrowths() {
        var log = new FrameLog();
        for (int i = 0; i < 1000; i++) {
            log.add(new FrameFeatures(1e-10 + i * 1e-4, -100 + i * 0.09, i / 1000.0, 1 - i / 1000.0, 0.5));
        }

        assertThat(log).hasSize(1000);
        FrameFeatures f = log.get(737);
        assertThat(f.power()).isCloseTo(1e-10 + 737 * 1e-4, within(1e-7));
        assertThat(f.energyDb()).isCloseTo(-100 + 737 * 0.09, within(1e-4));
        assertThat(f.voicing()).isCloseTo(0.737, within(1e-6));
        assertThat(f.bandRatio()).isCloseTo(0.263, within(1e-6));
        assertThat(f.flatness()).isEqualTo(0.5);
        assertThatThrownBy(() -> log.get(1000)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
