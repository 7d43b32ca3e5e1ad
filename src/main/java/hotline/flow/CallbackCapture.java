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
        Optional<String> number = confirmedNumber(caller, facts.callerNumber());
        if (number.isEmpty()) {
            caller.play("line-adjusting"); // §8 wording: call again later, goodbye
            caller.pause(Duration.ofSeconds(2));
            caller.hangUp();
            return new Outcome.CallbackNotTaken(reason);
        }
        Optional<String> name = recording.isPresent() || !config.recordName() ? recording
                : caller.recordVoice(config.recordNamePrompt(), "name", config.recordNameMax());
        String id = book.book(new CallbackBooking(number.get(), caller.language(), reason, queue,
                name, facts.callerNumber(), waited));
        caller.play(config.confirmedPrompts().get(reason)); // "we have your number ... within 2 hours"
        caller.pause(Duration.ofSeconds(2));
        caller.hangUp();
        return new Outcome.CallbackBooked(id, reason);
    }

    private Optional<String> confirmedNumber(Caller caller, String callerId) {
        boolean offerCallerId = isNumber(callerId);
        for (int attempt = 0; attempt < config.attempts(); attempt++) {
            Optional<String> candidate;
            if (offerCallerId) {
                offerCallerId = false;
                caller.play(config.useCallerIdPrompt()); // "we can call you back on the number you call from:"
                caller.sayDigits(callerId);
                if (answer(caller, config.confirmPrompt()).equals(Optional.of('1'))) {
                    return Optional.of(callerId);
                }
            }
            candidate = caller.askDigits(config.enterNumberPrompt(), config.maxDigits(), config.answerWithin())
                    .filter(this::isNumber);
            if (candidate.isEmpty()) continue;
            caller.play(config.youEnteredPrompt());
            caller.sayDigits(candidate.get());
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
