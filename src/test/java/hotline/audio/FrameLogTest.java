package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FrameLogTest {

    @Test
    void framesReadBackAsTheyWereAddedToTheirStoredPrecisionPastSeveralGrowths() {
        var log = new FrameLog();
        for (int i = 0; i < 1000; i++) {
            double db = -99 + i * 0.09;
            log.add(new FrameFeatures(Math.pow(10, db / 10), db, i / 1000.0, 1 - i / 1000.0, 0.5));
        }

        assertThat(log).hasSize(1000);
        FrameFeatures f = log.get(737);
        assertThat(f.energyDb()).isCloseTo(-99 + 737 * 0.09, within(1e-4));
        assertThat(f.power()).isCloseTo(Math.pow(10, (-99 + 737 * 0.09) / 10), within(1e-7));
        assertThat(f.voicing()).isCloseTo(0.737, within(1e-5));
        assertThat(f.bandRatio()).isCloseTo(0.263, within(1e-5));
        assertThat(f.flatness()).isCloseTo(0.5, within(1e-5));
        assertThatThrownBy(() -> log.get(1000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void digitalZeroReadsBackAtTheAnalysersFloorPower() {
        var log = new FrameLog();
        log.add(new FrameFeatures(1e-10, FrameAnalyser.SILENT_DB, 0, 0, 0));

        assertThat(log.get(0).power()).isEqualTo(1e-10);
        assertThat(log.get(0).energyDb()).isEqualTo(FrameAnalyser.SILENT_DB);
    }

    @Test
    void sharesOutsideZeroToOneAreKeptAtTheirBounds() {
        var log = new FrameLog();
        log.add(new FrameFeatures(1e-3, -30, 1.2, -0.1, 1.0));

        assertThat(log.get(0).voicing()).isEqualTo(1.0);
        assertThat(log.get(0).bandRatio()).isEqualTo(0.0);
        assertThat(log.get(0).flatness()).isEqualTo(1.0);
    }
}
