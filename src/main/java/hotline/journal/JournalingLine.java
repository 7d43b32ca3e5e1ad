package hotline.journal;

import hotline.config.Durations;
import hotline.flow.Answer;
import hotline.flow.Heard;
import hotline.flow.Line;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Records every step a flow takes on the line, then delegates; the journal reads like the script. */
final class JournalingLine implements Line {

    private final Line inner;
    private final CallRecord record;

    JournalingLine(Line inner, CallRecord record) {
        this.inner = inner;
        this.record = record;
    }

    @Override
    public void answer() {
        record.step("answer", Map.of());
        inner.answer();
    }

    @Override
    public void useLanguage(String language) {
        record.step("language", Map.of("language", language));
        record.with("language", language);
        inner.useLanguage(language);
    }

    @Override
    public Optional<Character> offer(String promptKey, String keys) {
        record.step(promptKey, keys.isEmpty() ? Map.of("action", "play") : Map.of("action", "play", "keys", keys));
        return pressed(inner.offer(promptKey, keys));
    }

    @Override
    public Optional<Character> offerIn(String language, String promptKey, String keys) {
        record.step(promptKey, Map.of("action", "play", "in", language, "keys", keys));
        return pressed(inner.offerIn(language, promptKey, keys));
    }

    @Override
    public Answer ask(String promptKey, String keys) {
        record.step(promptKey, Map.of("action", "ask", "keys", keys));
        return answered(inner.ask(promptKey, keys));
    }

    @Override
    public Answer askIn(String language, String promptKey, String keys) {
        record.step(promptKey, Map.of("action", "ask", "in", language, "keys", keys));
        return answered(inner.askIn(language, promptKey, keys));
    }

    private Answer answered(Answer answer) {
        switch (answer) {
            case Answer.Pressed(char key) -> record.stepResult(Map.of("pressed", String.valueOf(key)));
            case Answer.Spoke(Duration into) -> record.stepResult(Map.of("heard", "voice",
                    "barged-in-after-ms", into.toMillis()));
            case Answer.Finished f -> { }
        }
        return answer;
    }

    @Override
    public Optional<Character> waitForKey(String keys, Duration within) {
        record.step("wait-for-key", Map.of("keys", keys, "within", Durations.format(within)));
        return pressed(inner.waitForKey(keys, within));
    }

    private Optional<Character> pressed(Optional<Character> key) {
        key.ifPresent(k -> record.stepResult(Map.of("pressed", String.valueOf(k))));
        return key;
    }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded, String keys) {
        record.step("listen", Map.of("at-most", Durations.format(atMost)));
        Heard heard = inner.listen(atMost, voiceNeeded, keys);
        record.stepResult(heardResult(heard));
        return heard;
    }

    /** One step, named after the prompt: what was heard, and when a voice came over the prompt. */
    @Override
    public Heard promptAndListen(String promptKey, Duration atMost, Duration voiceNeeded, String keys) {
        record.step(promptKey, Map.of("action", "play-then-listen", "at-most", Durations.format(atMost)));
        Heard heard = inner.promptAndListen(promptKey, atMost, voiceNeeded, keys);
        record.stepResult(heardResult(heard));
        return heard;
    }

    private static Map<String, Object> heardResult(Heard heard) {
        return switch (heard) {
            case Heard.Voice v when v.overPrompt().isPresent() -> Map.of("heard", "voice",
                    "barged-in-after-ms", v.overPrompt().get().toMillis(), "after-ms", v.after().toMillis());
            case Heard.Voice v -> Map.of("heard", "voice", "after-ms", v.after().toMillis());
            case Heard.Silence s -> Map.of("heard", "silence", "after-ms", s.waited().toMillis());
            case Heard.Quiet q -> Map.of("heard", "quiet", "after-ms", q.waited().toMillis());
            case Heard.Noisy n -> Map.of("heard", "noisy", "after-ms", n.waited().toMillis());
            case Heard.Pressed p -> Map.of("pressed", String.valueOf(p.key()), "after-ms", p.after().toMillis());
        };
    }

    @Override
    public void pause(Duration length) {
        record.step("pause", Map.of("length", Durations.format(length)));
        inner.pause(length);
    }

    @Override
    public String language() {
        return inner.language();
    }

    @Override
    public Optional<String> askDigits(String promptKey, int maxDigits, Duration within) {
        record.step(promptKey, Map.of("action", "ask-digits"));
        Optional<String> digits = inner.askDigits(promptKey, maxDigits, within);
        record.stepResult(Map.of("digits", digits.map(d -> d.length() + " digits").orElse("none")));
        return digits;
    }

    @Override
    public void sayDigits(String digits) {
        record.step("say-digits", Map.of("count", digits.length()));
        inner.sayDigits(digits);
    }

    @Override
    public Optional<String> recordVoice(String promptKey, String name, Duration atMost) {
        record.step(promptKey, Map.of("action", "record", "name", name));
        Optional<String> file = inner.recordVoice(promptKey, name, atMost);
        file.ifPresent(f -> record.stepResult(Map.of("recording", f)));
        return file;
    }
}
