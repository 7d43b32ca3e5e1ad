package hotline.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The caller-side prompt finder the integration tests rely on: it must tell prompts and languages apart. */
class HeardPromptsTest {

    private static short[] concat(double gainDb, Object... parts) {
        var out = new java.io.ByteArrayOutputStream();
        List<Short> all = new java.util.ArrayList<>();
        Random noise = new Random(7);
        double gain = Math.pow(10, gainDb / 20);
        for (Object part : parts) {
            if (part instanceof Integer silenceMs) {
                for (int i = 0; i < silenceMs * 8; i++) all.add((short) (noise.nextGaussian() * 3)); // faint hiss
            } else {
                for (short s : HeardPrompts.samples(HeardPrompts.prompt(((String[]) part)[0], ((String[]) part)[1]))) {
                    all.add((short) Math.max(-32768, Math.min(32767, Math.round(s * gain))));
                }
            }
        }
        short[] pcm = new short[all.size()];
        for (int i = 0; i < pcm.length; i++) pcm[i] = all.get(i);
        return pcm;
    }

    private static String[] p(String language, String key) {
        return new String[] {language, key};
    }

    @Test
    void promptsHeardOneAfterAnotherAreFoundInOrderAtTheirOffsets() {
        var heard = HeardPrompts.of(concat(0, 730, p("en", "greeting"), 1000, p("en", "more-options"), 5000,
                p("en", "cant-hear-you")));

        List<Duration> at = heard.assertInOrder("en", "greeting", "more-options", "cant-hear-you");

        assertThat(at.get(0).toMillis()).isBetween(700L, 760L);
        assertThat(at.get(1).minus(at.get(0)).toMillis()).isPositive();
    }

    @Test
    void aPromptHeardSixDecibelsQuieterIsStillThatPrompt() {
        var heard = HeardPrompts.of(concat(-6, 300, p("ko", "greeting")));

        assertThat(heard.find("ko", "greeting", Duration.ZERO)).isPresent();
    }

    @Test
    void aPromptHeardTwiceAsLoudAfterAnotherHeardAsItIsShowsSixDecibelsMoreGain() {
        // 305 ms: the prompt does not start on a 10 ms boundary of the recording
        var heard = HeardPrompts.of(concat(0, 305, p("ko", "connecting"), 700));
        var louder = HeardPrompts.of(concat(20 * Math.log10(2), 305, p("ko", "can-you-hear-me-now"), 700));

        Duration at = heard.find("ko", "connecting", Duration.ZERO).orElseThrow();
        Duration louderAt = louder.find("ko", "can-you-hear-me-now", Duration.ZERO).orElseThrow();

        assertThat(heard.gainDb("ko", "connecting", at)).isBetween(-0.5, 0.5);
        assertThat(louder.gainDb("ko", "can-you-hear-me-now", louderAt)).isBetween(5.5, 6.5);
    }

    @Test
    void anotherLanguagesGreetingIsNotTakenForThisOne() {
        var heard = HeardPrompts.of(concat(0, 300, p("es", "greeting"), 2000));

        assertThat(heard.find("es", "greeting", Duration.ZERO)).isPresent();
        for (String other : List.of("en", "zh", "ko", "yue")) {
            assertThat(heard.find(other, "greeting", Duration.ZERO)).as(other).isEmpty();
        }
    }

    @Test
    void promptsHeardInTheWrongOrderFailTheAssertion() {
        var heard = HeardPrompts.of(concat(0, 300, p("en", "more-options"), 500, p("en", "greeting"), 500));

        assertThatThrownBy(() -> heard.assertInOrder("en", "greeting", "more-options"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("more-options");
    }

    @Test
    void aPromptWithAHiccupOfTwoHundredMillisecondsInItsMiddleIsStillFoundWhereItBegan() {
        short[] whole = HeardPrompts.samples(HeardPrompts.prompt("yue", "no-sound-goodbye"));
        int cut = 8 * 3100; // 3.1 s in
        short[] hiccup = new short[3000 * 8 + whole.length + 1600];
        System.arraycopy(whole, 0, hiccup, 3000 * 8, cut);
        System.arraycopy(whole, cut, hiccup, 3000 * 8 + cut + 1600, whole.length - cut);
        var heard = HeardPrompts.of(hiccup);

        assertThat(heard.find("yue", "no-sound-goodbye", Duration.ZERO)).contains(Duration.ofSeconds(3));
        assertThat(heard.find("zh", "no-sound-goodbye", Duration.ZERO)).isEmpty();
    }

    /** SAY DIGITS as Asterisk plays it: the digit files one after the other, {@code gapMs} of silence between. */
    private static short[] digits(String language, String digits, int gapMs) {
        List<Short> all = new java.util.ArrayList<>();
        for (char d : digits.toCharArray()) {
            for (short s : HeardPrompts.samples(HeardPrompts.digit(language, d))) all.add(s);
            for (int i = 0; i < gapMs * 8; i++) all.add((short) 0);
        }
        short[] pcm = new short[all.size()];
        for (int i = 0; i < pcm.length; i++) pcm[i] = all.get(i);
        return pcm;
    }

    private static short[] join(short[]... parts) {
        short[] out = new short[0];
        for (short[] part : parts) {
            short[] both = java.util.Arrays.copyOf(out, out.length + part.length);
            System.arraycopy(part, 0, both, out.length, part.length);
            out = both;
        }
        return out;
    }

    @Test
    void aNumberReadBackInKoreanDigitsWithShortGapsBetweenThemIsFoundWhereItBegan() {
        short[] before = concat(0, 500, p("ko", "callback-you-entered"), 40);
        var heard = HeardPrompts.of(join(before, digits("ko", "0212345678", 20), concat(0, 200, p("ko", "callback-confirm"))));

        Duration youEntered = heard.find("ko", "callback-you-entered", Duration.ZERO).orElseThrow();

        assertThat(heard.findDigits("ko", "0212345678", youEntered)).hasValueSatisfying(at ->
                assertThat(at.toMillis()).isBetween(before.length / 8L - 20, before.length / 8L + 20));
    }

    @Test
    void noDigitsAreFoundWhereTheReadBackWasLeftOutBetweenThePrompts() {
        var heard = HeardPrompts.of(concat(0, 500, p("ko", "callback-you-entered"), 300, p("ko", "callback-confirm"), 500));

        assertThat(heard.findDigits("ko", "0212345678", Duration.ZERO)).isEmpty();
    }

    @Test
    void theSameNumberReadInMandarinIsNotTakenForKoreanDigits() {
        var heard = HeardPrompts.of(join(concat(0, 500), digits("zh", "0212345678", 20), concat(0, 500)));

        assertThat(heard.findDigits("zh", "0212345678", Duration.ZERO)).isPresent();
        assertThat(heard.findDigits("ko", "0212345678", Duration.ZERO)).isEmpty();
    }

    @Test
    void theWeekendAndHolidayClosingsAreToldFromThePlainClosingAndFromEachOtherWhereTheyBegin() {
        // the three open with the same words: find() takes the plain one for the opening of the longer ones
        List<String> closings = List.of("closing", "closing-weekend", "closing-holiday");
        for (String language : List.of("en", "es", "zh", "ko", "yue")) {
            for (String played : closings) {
                var heard = HeardPrompts.of(concat(-3, 400, p(language, played), 5000));
                Duration at = heard.find(language, played, Duration.ZERO).orElseThrow();

                assertThat(heard.closestAt(language, at, closings.toArray(String[]::new)))
                        .as(language + " " + played).isEqualTo(played);
            }
        }
    }

    @Test
    void aHolidayClosingWithAStallOfFourHundredMillisecondsInItsMiddleIsStillToldFromThePlainAndWeekendOnes() {
        for (String language : List.of("ko", "en")) {
            short[] whole = HeardPrompts.samples(HeardPrompts.prompt(language, "closing-holiday"));
            int cut = 8 * 3000; // 3 s in: the whole-prompt alignment alone would favour the plain closing here
            short[] stalled = new short[3000 * 8 + whole.length + 3200 + 5000 * 8];
            System.arraycopy(whole, 0, stalled, 3000 * 8, cut);
            System.arraycopy(whole, cut, stalled, 3000 * 8 + cut + 3200, whole.length - cut);
            var heard = HeardPrompts.of(stalled);
            Duration at = heard.find(language, "closing-holiday", Duration.ZERO).orElseThrow();

            assertThat(heard.closestAt(language, at, "closing", "closing-weekend", "closing-holiday"))
                    .as(language).isEqualTo("closing-holiday");
        }
    }

    @Test
    void aPlainKoreanClosingIsNotTakenForTheWeekendOrHolidayOneWhichLastTwoSecondsMore() {
        var heard = HeardPrompts.of(concat(0, 400, p("ko", "closing"), 5000));

        assertThat(heard.find("ko", "closing-weekend", Duration.ZERO)).isEmpty();
        assertThat(heard.find("ko", "closing-holiday", Duration.ZERO)).isEmpty();
    }

    @Test
    void silenceHoldsNoPrompt() {
        var heard = HeardPrompts.of(concat(0, 20000));

        assertThat(heard.find("en", "greeting", Duration.ZERO)).isEmpty();
    }
}
