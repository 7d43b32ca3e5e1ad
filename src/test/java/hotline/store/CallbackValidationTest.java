package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a flow may hand the store; every refusal names the field first. */
class CallbackValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "112", "00442079460000", "01012345678901234567"})
    void aNumberOfThreeToTwentyDigitsIsAccepted(String digits) {
        assertThat(CallbackNumber.of(digits).digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "+33612345678", "06 12 34 56 78", "06-12", "0612a", "012345678901234567890",
            "0612\n3", "٠٦١٢٣"})
    void aNumberWithAnythingButThreeToTwentyDigitsIsRefused(String text) {
        assertThatThrownBy(() -> CallbackNumber.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("callback-number: '")
                .hasMessageEndingWith("' is not a phone number (3 to 20 digits, nothing else)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingNumberIsRefusedToo() {
        assertThatThrownBy(() -> CallbackNumber.of(null)).hasMessageStartingWith("callback-number: '(none)'");
    }

    @Test
    void aRecordingMustStayInsideTheRecordingsFolder() {
        assertThatThrownBy(() -> request(Optional.of("../../etc/passwd"), "simple"))
                .hasMessage("recording: '../../etc/passwd' is not a relative file name");
        assertThatThrownBy(() -> request(Optional.of("/var/spool/x"), "simple"))
                .hasMessageStartingWith("recording: ");
        assertThat(request(Optional.of("callbacks/2026-11-24/name-17"), "simple").recording()).isPresent();
    }

    @Test
    void aReasonIsALowerCaseCode() {
        assertThatThrownBy(() -> request(Optional.empty(), "Complex matter"))
                .hasMessageStartingWith("reason: 'Complex matter' is not a code");
    }

    @Test
    void aLanguageIsACodeLikeTheSoundFolders() {
        assertThatThrownBy(() -> new NewCallback(CallbackNumber.of("0612"), "Korean", "simple",
                CallbackQueue.of("hotline"), Optional.empty(), CallerDetails.withheld(Duration.ZERO)))
                .hasMessage("language: 'Korean' is not a language code like en, es, zh, ko, yue");
    }

    @Test
    void aBlankCallerIdCountsAsWithheldAndAControlCharacterIsRefused() {
        assertThat(CallerDetails.of("  ", Duration.ZERO).callerId()).isEmpty();
        assertThatThrownBy(() -> CallerDetails.of("Kim\r\nX-Evil: 1", Duration.ZERO))
                .hasMessage("caller-id: must be printable text of at most 80 characters");
        assertThatThrownBy(() -> CallerDetails.withheld(Duration.ofSeconds(-1))).hasMessage("waited: must be zero or more");
    }

    @Test
    void aNotReachedResultNeedsACode() {
        assertThat(new AttemptResult.NotReached("no-answer").code()).isEqualTo("no-answer");
        assertThatThrownBy(() -> new AttemptResult.NotReached("NO ANSWER")).hasMessageStartingWith("why: ");
    }

    @Test
    void stateCodesReadBackCaseInsensitively() {
        assertThat(CallbackState.ofCode("pending")).contains(CallbackState.PENDING);
        assertThat(CallbackState.ofCode("lost")).isEmpty();
    }

    @Test
    void aQueueIsAnyNameAsQueuesConfWritesItAndNothingElse() {
        assertThat(CallbackQueue.of("dialect-es").code()).isEqualTo("dialect-es");
        assertThat(CallbackQueue.of("night_shift2")).isEqualTo(CallbackQueue.of("night_shift2"));
        assertThat(CallbackQueue.parse("a".repeat(40))).isPresent();
        for (String bad : new String[] {"", "a".repeat(41), "TeamLead", "-leading", "dialect es", "q,1", "q;x",
                "hotline\r\n", "${EVIL}", "q/../x"}) {
            assertThat(CallbackQueue.parse(bad)).as(bad).isEmpty();
            assertThatThrownBy(() -> CallbackQueue.of(bad)).as(bad).hasMessageStartingWith("queue: ");
        }
        assertThatThrownBy(() -> CallbackQueue.of(null)).hasMessageStartingWith("queue: '(none)'");
    }

    private static NewCallback request(Optional<String> recording, String reason) {
        return new NewCallback(CallbackNumber.of("0612"), "en", reason, CallbackQueue.of("hotline"), recording,
                CallerDetails.withheld(Duration.ofMinutes(1)));
    }
}
