package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LevelFloorTest {

    @Test
    void theFloorFollowsTheExactTenthPercentileWithinHalfAStepFrameByFrame() {
        var random = new SplittableRandom(7);
        for (int line = 0; line < 20; line++) {
            var floor = new LevelFloor();
            double[] sorted = new double[3000]; // kept sorted by insertion, the exact reference
            double hiss = -75 + random.nextDouble(40);
            for (int i = 0; i < sorted.length; i++) {
                // hiss with words over it, and now and then a stretch of digital zero or a jump in the noise
                double db = random.nextInt(10) < 3 ? hiss + 10 + random.nextDouble(30) : hiss + random.nextGaussian() * 2;
                if (i % 700 < 20) db = FrameAnalyser.SILENT_DB;
                if (i > 1500) db += 12;
                db = Math.clamp(db, FrameAnalyser.SILENT_DB, 0);
                floor.add(db);
                int at = Arrays.binarySearch(sorted, 0, i, db);
                if (at < 0) at = -at - 1;
                System.arraycopy(sorted, at, sorted, at + 1, i - at);
                sorted[at] = db;
                double exact = sorted[(int) Math.min(i, Math.floor(0.10 * (i + 1)))];
                assertThat(floor.floorDb()).as("line %d, frame %d", line, i).isCloseTo(exact, within(LevelFloor.STEP_DB / 2 + 1e-9));
            }
        }
    }

    @Test
    void silenceBeforeAnyFrameAndLevelsOutsideTheRangeCountAtItsEnds() {
        var floor = new LevelFloor();
        assertThat(floor.floorDb()).isEqualTo(FrameAnalyser.SILENT_DB);

        floor.add(Double.NaN);
        assertThat(floor.floorDb()).isCloseTo(FrameAnalyser.SILENT_DB, within(LevelFloor.STEP_DB));
        for (int i = 0; i < 20; i++) floor.add(+3.0); // louder than full scale: the top step
        assertThat(floor.floorDb()).isCloseTo(0, within(LevelFloor.STEP_DB));
        assertThat(floor.size()).isEqualTo(21);
    }
}
