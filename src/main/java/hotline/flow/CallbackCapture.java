package hotline.flow;

import hotline.config.Callbacks;
import java.time.Duration;
import java.util.Optional;

/**
 * call-scripts.md §5: take a callback number (the caller ID, or one the caller keys in),
 * read it back digit by digit and have it confirmed (004 §11), record the caller's name,
 * store the request durably, and only then tell the caller when to expect the call.
 */
final class CallbackCapture {

    private static final String YES_NO = "12";

    private final Callbacks config;
    private final CallbackBook book;

    CallbackCapture(Callbacks config, CallbackBook book) {
        this.config = config;
        this.book = book;
    }

    Outcome take(Caller caller, CallFacts facts, String reason, String queue, Duration waited,
                 Optional<String> recording) {
        Optional<String> limited = book.refuses(facts.callerNumber());
        if (limited.isPresent()) return refused(caller, reason, limited.get());
        var refusedNumbers = new boolean[1];
        Optional<String> number = confirmedNumber(caller, facts.callerNumber(), refusedNumbers);
        if (number.isEmpty()) {
            caller.play(config.noNumberPrompt()); // "we could not confirm a number ... call again later, goodbye"
            caller.pause(config.pauseBeforeHangup());
            caller.hangUp();
            return refusedNumbers[0] ? new Outcome.CallbackRefused(reason, "number-not-allowed")
                    : new Outcome.CallbackNotTaken(reason);
        }
        Optional<String> name = recording.isPresent() || !config.recordName() ? recording
                : caller.recordVoice(config.recordNamePrompt(), "name", config.recordNameMax());
        var booked = book.book(new CallbackBooking(number.get(), caller.language(), reason, queue,
                name, facts.callerNumber(), waited));
        if (booked instanceof CallbackBook.Booked.Refused(String why)) return refused(caller, reason, why);
        caller.play(config.confirmedPrompts().get(reason)); // "we have your number ... within 2 hours"
        caller.pause(config.pauseBeforeHangup());
        caller.hangUp();
        return new Outcome.CallbackBooked(((CallbackBook.Booked.Stored) booked).id(), reason);
    }

    /** "We already have your requests and will call you back as promised. Goodbye." */
    private Outcome refused(Caller caller, String reason, String why) {
        caller.play(config.limitPrompt());
        caller.pause(config.pauseBeforeHangup());
        caller.hangUp();
        return new Outcome.CallbackRefused(reason, why);
    }

    /** The number to call back, confirmed; a number outside the allowed prefixes is refused politely. */
    private Optional<String> confirmedNumber(Caller caller, String callerId, boolean[] refusedNumbers) {
        boolean offerCallerId = isNumber(callerId) && config.allows(callerId);
        for (int attempt = 0; attempt < config.attempts(); attempt++) {
            Optional<String> candidate;
            if (offerCallerId) {
                offerCallerId = false;
                caller.play(config.useCallerIdPrompt()); // "we can call you back on the number you call from:"
                caller.sayDigits(callerId);
                // nothing was keyed in yet: "to be called back on this number, press 1; another number, 2"
                if (answer(caller, config.confirmCallerIdPrompt()).equals(Optional.of('1'))) {
                    return Optional.of(callerId);
                }
            }
            candidate = caller.askDigits(config.enterNumberPrompt(), config.maxDigits(), config.answerWithin())
                    .filter(this::isNumber);
            if (candidate.isEmpty()) continue;
            if (!config.allows(candidate.get())) {
                refusedNumbers[0] = true;
                caller.play(config.notAllowedPrompt()); // "we can only call back numbers in this country"
                continue;
            }
            caller.play(config.youEnteredPrompt());
            caller.sayDigits(candidate.get());
            // "if this is correct, press 1; to enter it again, press 2"
            if (answer(caller, config.confirmPrompt()).equals(Optional.of('1'))) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private Optional<Character> answer(Caller caller, String prompt) {
        return caller.offer(prompt, YES_NO).or(() -> caller.waitForKey(YES_NO, config.answerWithin()));
    }

    private boolean isNumber(String digits) {
        return digits.matches("[0-9]{" + config.minDigits() + "," + config.maxDigits() + "}");
    }
}
