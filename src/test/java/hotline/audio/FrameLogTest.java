package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class FrameLogTest {

    @Test
    void framesReadBackAsTheyWereAddedToTheirStoredPrecisionAcrossSeveralChunks() {
        var log = new FrameLog();
        for (int i = 0; i < 2000; i++) {
            double db = -99 + i * 0.045;
            log.add(new FrameFeatures(Math.pow(10, db / 10), db, i / 2000.0, 1 - i / 2000.0, 0.5));
        }

        assertThat(log).hasSize(2000);
        for (int i : new int[] {0, 255, 256, 1474, 1999}) {
            FrameFeatures f = log.get(i);
            assertThat(f.energyDb()).as("frame %d", i).isCloseTo(-99 + i * 0.045, within(0.005 + 1e-9));
            assertThat(f.power()).isCloseTo(Math.pow(10, (-99 + i * 0.045) / 10), withinPercentage(0.2));
            assertThat(f.voicing()).isCloseTo(i / 2000.0, within(1e-5));
            assertThat(f.bandRatio()).isCloseTo(1 - i / 2000.0, within(1e-5));
            assertThat(f.flatness()).isCloseTo(0.5, within(1e-5));
        }
        assertThatThrownBy(() -> log.get(2000)).isInstanceOf(IndexOutOfBoundsException.class);
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

    @Test
    void levelsAboveFullScaleAreKeptAtFullScale() {
        var log = new FrameLog();
        log.add(new FrameFeatures(2, 3.0, 0, 0, 0));

        assertThat(log.get(0).energyDb()).isEqualTo(0.0);
    }
}
