package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier on the generated evaluation set, with the figures docs/line-quality.md
 * publishes as floors: a change that makes any of them worse fails here.
 */
class EvaluationTest {

    private static List<Evaluation.Outcome> outcomes;

    @BeforeAll
    static void runTheClassifierOverEveryClip() {
        outcomes = Evaluation.run(Evaluation.load(Signals.CLIPS), LineQuality.defaults());
    }

    private static Confusion of(boolean heldOut) {
        return Confusion.of(outcomes.stream().filter(o -> o.clip().heldOut() == heldOut).toList());
    }

    @Test
    void theSetHasAtLeastSixtyClipsInEveryClassWithAHeldOutSplit() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(60);
        for (String label : Evaluation.LABELS) {
            assertThat(outcomes).filteredOn(o -> o.clip().label().equals(label)).hasSizeGreaterThanOrEqualTo(10)
                    .anyMatch(o -> o.clip().heldOut());
        }
    }

    @Test
    void atLeastNinetyNinePercentOfAllClipsAreHeardAsLabelled() {
        assertThat(Confusion.of(outcomes).accuracy()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theHeldOutClipsAreAtLeastNinetySixPercentRight() {
        assertThat(of(true).total()).isEqualTo(30);
        assertThat(of(true).accuracy()).isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void everyTuningClipIsHeardAsLabelled() {
        assertThat(of(false).accuracy()).isEqualTo(1.0);
    }

    @Test
    void eachClassKeepsItsRecallFloor() {
        Confusion all = Confusion.of(outcomes);

        assertThat(all.recall("silence")).isEqualTo(1.0);
        assertThat(all.recall("noise")).isEqualTo(1.0);
        assertThat(all.recall("speech")).isEqualTo(1.0);
        assertThat(all.recall("quiet")).isGreaterThanOrEqualTo(0.95);
        assertThat(all.precision("speech")).isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void aVoiceIsHeardBeforeTheClipEndsAndSilenceOrNoiseOnlyAtItsEnd() {
        for (var o : outcomes) {
            Duration clip = Duration.ofMillis(o.clip().pcm().length / 8);
            switch (o.verdict()) {
                case LineVerdict.Speech s -> assertThat(o.decidedAfter()).isLessThan(Duration.ofMillis(2500));
                case LineVerdict.QuietVoice q -> assertThat(o.decidedAfter()).isLessThan(clip);
                case LineVerdict.Silence s -> assertThat(o.decidedAfter()).isEqualTo(clip);
                case LineVerdict.Noise n -> assertThat(o.decidedAfter()).isEqualTo(clip);
            }
        }
    }

    @Test
    void theConfusionTablePrintsCountsRecallAndPrecision() {
        String table = Confusion.of(outcomes).table();

        assertThat(table).startsWith("| label \\ heard as | silence | quiet | speech | noise | recall |")
                .contains("| silence | 20 | 0 | 0 | 0 | 100.0 % |").contains("accuracy");
    }
}
