package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.JournalLine;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.store.CallbackFilter;
import hotline.store.CallbackQueue;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * call-scripts.md §5.4 / §5.6 on the lab's real Asterisk 22: a caller whose caller ID cannot be
 * called back (withheld, or an international one outside {@code allowed-prefixes}) takes the
 * queue's callback offer, types a number, hears it read back digit by digit in their language
 * (SAY DIGITS: Asterisk's own digits in English, the catalogue's {@code sounds/<lang>/digits} in Korean, Mandarin
 * and Cantonese),
 * confirms it with 1, and the request is stored with that number. The robot caller
 * ([robot-caller-keys]) talks to be put through, then presses its keys at times worked out from
 * the prompts' lengths ({@link KeyTimes}). Its own server port and agents' queue (it-typed-number,
 * nobody logs in), the offer after 10 s instead of the shipped 60 s.
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TypedNumberIT}.
 */
class TypedNumberIT extends LabCalls {

    private static final int PORT = 4647;
    private static final String QUEUE = "it-typed-number";
    private static CallbackStore store;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        store = TestStores.sqlite();
        hotline = KeyTimes.offeringEarly("TypedNumberIT", QUEUE, PORT, new StoreCallbackBook(store));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    @Test
    void aCallerWithoutACallerIdTypesANumberHearsItReadBackInEnglishConfirmsWithOneAndThatNumberIsStored() {
        String number = "5550123";
        String robot = lab.call("robot-caller-keys", "s", "anonymous", keys(new KeyTimes("en", number, 0.6)));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(150));

        assertTypedNumberTaken(end, robot, "en", number);
        // Asterisk's own English digits are GSM files of the lab: heard as sound between the two prompts
        Recording heard = Recording.of(Recording.heardBy(robot), -45, Duration.ofMillis(150));
        var between = readBack(HeardPrompts.by(robot), "en");
        Duration voiced = heard.spans().stream().map(s -> overlap(s, between.get(0), between.get(1)))
                .reduce(Duration.ZERO, Duration::plus);
        System.out.printf("en read-back: %d ms between the prompts, %d ms of it voiced%n",
                between.get(1).minus(between.get(0)).toMillis(), voiced.toMillis());
        assertThat(voiced).as("the digits heard between 'the number you entered is' and the confirm prompt")
                .isGreaterThan(Duration.ofMillis(150L * number.length()));
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(number))
                .singleElement().satisfies(r -> {
                    assertThat(r.language()).isEqualTo("en");
                    assertThat(r.caller().callerId()).as("the withheld caller ID").isEmpty();
                });
    }

    /**
     * The catalogue's own digits ({@code sounds/<lang>/digits}), one language at a time: a caller of that DID
     * whose international caller ID (00 is not in allowed-prefixes) is never offered types a local number.
     */
    @ParameterizedTest(name = "{0}: types {2}")
    @CsvSource({"ko, 8005550103, 0212345678, 00821012345678", "zh, 8005550102, 01062345678, 00861062345678",
            "yue, 8005550104, 21234567, 0085221234567"})
    void aCallerWhoseInternationalCallerIdCannotBeCalledBackTypesALocalNumberAndHearsItReadBackInTheirOwnDigits(
            String language, String did, String number, String callerId) {
        var times = new KeyTimes(language, number, KeyTimes.catalogueDigits(language, number));
        String robot = lab.call("robot-caller-keys", did, callerId, keys(times));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(150));

        assertTypedNumberTaken(end, robot, language, number);
        var heard = HeardPrompts.by(robot);
        var between = readBack(heard, language);
        Duration digitsAt = heard.findDigits(language, number, between.get(0).minusMillis(100))
                .orElseThrow(() -> new AssertionError(robot + " did not hear " + number + " in " + language + " digits"));
        System.out.printf("%s read-back: the digits heard %d ms after 'the number you entered is' ended%n", language,
                digitsAt.minus(between.get(0)).toMillis());
        assertThat(digitsAt).as("the digits come before the confirm prompt").isLessThan(between.get(1));
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(number))
                .singleElement().satisfies(r -> {
                    assertThat(r.language()).isEqualTo(language);
                    assertThat(r.caller().callerId()).contains(callerId);
                });
    }

    /**
     * What every call proves: the offer taken, the typed number reached Asterisk (GET DATA's reply),
     * was read back with SAY DIGITS in the caller's language (one file per digit, in order, in
     * Asterisk's log), confirmed with 1, then the name, the promise, the pause and our hang-up;
     * the caller ID was never offered; the request stored for this queue as a simple callback.
     */
    private static void assertTypedNumberTaken(HotlineCallEndedEvent end, String robot, String language, String number) {
        assertThat(end.getOutcome()).isEqualTo("callback-booked:simple");
        List<String> log = Lab.logLines(end.getChannel());
        String[] order = new String[number.length() + 6];
        order[0] = Lab.sent("EXEC \"Queue\" \"" + QUEUE + ",");
        order[1] = "AGI Rx << GET DATA \"?hotline/callback-enter-number";
        order[2] = "AGI Tx >> 200 result=" + number + "(\\s|$)";
        order[3] = Lab.sent("SAY DIGITS \"" + number + "\"");
        for (int i = 0; i < number.length(); i++) {
            order[4 + i] = "Playing 'digits/" + number.charAt(i) + "\\.\\w+' \\(language '" + language + "'\\)";
        }
        order[number.length() + 4] = Lab.sent("RECORD FILE \"hotline-recordings/");
        order[number.length() + 5] = Lab.sent("HANGUP");
        Lab.assertInOrder(log, order);
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "queue", "callback-offer", "callback-enter-number",
                "callback-you-entered", "say-digits", "callback-confirm", "callback-record-name",
                "callback-confirmed-2h", "pause", "hangup");
        assertThat(Lab.steps(journal.text())).as("the caller ID is never offered").doesNotContain("callback-use-caller-id");
        assertThat(journal.step("callback-enter-number").path("digits").asText()).isEqualTo(number.length() + " digits");
        assertThat(journal.step("say-digits").path("count").asInt()).isEqualTo(number.length());
        var confirmed = journal.step("callback-confirm").has("pressed") ? journal.step("callback-confirm")
                : journal.stepAfter("callback-confirm").orElseThrow();
        assertThat(confirmed.path("pressed").asText()).as("the key that confirmed the number read back").isEqualTo("1");
        HeardPrompts.by(robot).assertInOrder(language, "callback-enter-number", "callback-you-entered",
                "callback-confirm", "callback-record-name", "callback-confirmed-2h");
        assertThat(store.list(CallbackFilter.all())).filteredOn(r -> r.number().digits().equals(number))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("simple");
                    assertThat(r.queue()).isEqualTo(CallbackQueue.of(QUEUE));
                    assertThat(r.recording()).as("the caller's name").isPresent();
                });
    }

    /** On the caller's recording: the end of "the number you entered is" and the start of the confirm prompt. */
    private static List<Duration> readBack(HeardPrompts heard, String language) {
        var at = heard.assertInOrder(language, "callback-you-entered", "callback-confirm");
        return List.of(at.get(0).plus(KeyTimes.length(language, "callback-you-entered")), at.get(1));
    }

    /** How much of {@code span} lies between {@code from} and {@code to}. */
    private static Duration overlap(Recording.Span span, Duration from, Duration to) {
        Duration start = span.from().compareTo(from) > 0 ? span.from() : from;
        Duration end = span.to().compareTo(to) < 0 ? span.to() : to;
        return end.compareTo(start) > 0 ? end.minus(start) : Duration.ZERO;
    }

    /** [robot-caller-keys]: its words at the answer, then after ROBOT_AFTER seconds the keys, pauses in them (W: 1 s). */
    private static java.util.Map<String, String> keys(KeyTimes times) {
        System.out.println("TypedNumberIT " + times);
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_AFTER", String.valueOf(times.afterWords()));
        vars.put("ROBOT_KEYS", times.keys());
        return vars;
    }
}
