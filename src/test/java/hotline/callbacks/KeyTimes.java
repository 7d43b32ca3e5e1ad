package hotline.callbacks;

import hotline.lab.HeardPrompts;
import hotline.lab.Recording;
import hotline.flow.CallbackBook;
import hotline.lab.Lab;
import hotline.lab.LabHotline;
import hotline.lab.ShippedConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * When TypedNumberIT's robot caller ([robot-caller-keys]) presses its keys, worked out from the
 * prompts' lengths in {@code language}: a robot cannot hear, so each key is aimed at the middle of
 * the window the script leaves for it. The caller talks from the answer (robot/talk) and is put
 * through; after the queue's stay the offer plays and waits 3 s more for its 1; then GET DATA plays
 * "please enter the number" and waits 8 s for the first digit; the number is read back and the
 * confirm prompt waits 8 s ({@code answer-within}) for its 1.
 *
 * @param digitSeconds how long SAY DIGITS says one digit in that language
 */
record KeyTimes(String language, String number, double digitSeconds) {

    /** The agents' queue stay before the offer (the test's {@code callback-offer-after}). */
    static final Duration QUEUE_STAY = Duration.ofSeconds(10);
    /** The robot's words: the clip lab.sh installs as robot/talk. */
    private static final Path WORDS = Path.of("src/test/resources/eval/speech/phone-talk-3.wav");
    /** From the answer until the caller's voice has stopped the greeting (barge-in). */
    private static final double PUT_THROUGH = 1.0;
    /** One key of SendDTMF(...,250): the tone and the 250 ms after it. */
    private static final double KEY = 0.35;
    /** Asterisk ending one step and the server starting the next (a media session, an AGI command). */
    private static final double STEP = 0.3;
    private static final double OFFER_WAITS_MORE = 3.0;
    private static final double ANSWER_WITHIN = 8.0;

    /**
     * The shipped script with its agents on {@code queue} (nobody logs in) and the offer after
     * {@link #QUEUE_STAY} instead of 60 s, serving {@code port}; RECORD FILE (the caller's name)
     * writes relative names under Asterisk's sounds folder, so that folder is made first.
     */
    static LabHotline offeringEarly(String test, String queue, int port, CallbackBook book) {
        try {
            Files.createDirectories(Lab.root().resolve("usr/share/asterisk/sounds/hotline-recordings"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabHotline(ShippedConfig.with(test, "queue: hotline ", "queue: " + queue + " ",
                "callback-offer-after: 60s", "callback-offer-after: " + QUEUE_STAY.toSeconds() + "s"), port, book);
    }

    /** When the robot presses 1 for the offer, seconds after its answer: the middle of the offer's window. */
    double offerKeyAt() {
        double offerStarts = PUT_THROUGH + seconds("connecting") + QUEUE_STAY.toSeconds() + 2 * STEP;
        double first = offerStarts + 0.5;
        double last = offerStarts + seconds("callback-offer") + OFFER_WAITS_MORE - 0.5;
        return (first + last) / 2;
    }

    /** ROBOT_AFTER: [robot-caller-keys] counts it from the end of its words. */
    String afterWords() {
        return String.format(Locale.ROOT, "%.1f", offerKeyAt() - Recording.lengthOf(WORDS).toMillis() / 1000.0);
    }

    /** Whole seconds (W) after the offer's 1 before typing: "please enter the number" heard to its end. */
    int beforeTyping() {
        return (int) Math.ceil(STEP + seconds("callback-enter-number") + 1.0 - KEY);
    }

    /** Whole seconds (W) after the # before the confirming 1: halfway into answer-within after the confirm prompt. */
    int beforeConfirming() {
        double confirmEnds = STEP + seconds("callback-you-entered") + STEP + digitSeconds * number.length() + STEP
                + seconds("callback-confirm");
        return (int) Math.round(confirmEnds + ANSWER_WITHIN / 2 - KEY);
    }

    /** ROBOT_KEYS: 1 (the offer), the number typed and ended with #, 1 (it is correct). */
    String keys() {
        return "1" + "W".repeat(beforeTyping()) + number + "#" + "W".repeat(beforeConfirming()) + "1";
    }

    /** The mean length of the catalogue's digits in {@code number} (what SAY DIGITS plays in zh, ko, yue). */
    static double catalogueDigits(String language, String number) {
        return number.chars().mapToLong(d -> Recording.lengthOf(HeardPrompts.digit(language, (char) d)).toMillis())
                .average().orElseThrow() / 1000.0;
    }

    static Duration length(String language, String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt(language, prompt));
    }

    private double seconds(String prompt) {
        return length(language, prompt).toMillis() / 1000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s: the offer's 1 at %.1f s (ROBOT_AFTER %s), ROBOT_KEYS %s",
                language, number, offerKeyAt(), afterWords(), keys());
    }
}
