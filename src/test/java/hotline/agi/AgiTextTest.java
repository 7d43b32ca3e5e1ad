package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiTextTest {

    @Test
    void lineBreaksAndNulCannotSmuggleASecondAgiCommand() {
        assertThat(AgiText.clean("Bob\r\nHANGUP\u0000")).isEqualTo("BobHANGUP");
    }

    @Test
    void dialplanExpressionsFromCallersAreDefused() {
        assertThat(AgiText.clean("${SHELL(rm -rf /)}$[1+1]")).doesNotContain("${", "$[");
    }

    @Test
    void lengthIsCappedFarBelowTheAgiLineLimit() {
        assertThat(AgiText.clean("9".repeat(10_000))).hasSize(AgiText.MAX_LENGTH);
    }

    @Test
    void execArgumentsLoseTheSeparatorsThatWouldSplitThem() {
        assertThat(AgiText.execArgument("hotline,,,,1|x\"y\\z;")).isEqualTo("hotline1xyz");
    }

    @Test
    void asteriskUnknownAndNullBecomeEmpty() {
        assertThat(AgiText.clean(null)).isEmpty();
        assertThat(AgiText.clean("unknown")).isEmpty();
    }
}
