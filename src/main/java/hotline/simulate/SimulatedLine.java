package hotline.simulate;

import hotline.config.Script;
import hotline.flow.Answer;
import hotline.flow.CallerHungUp;
import hotline.flow.Heard;
import hotline.flow.Line;
import hotline.simulate.Scenario.Kind;
import hotline.simulate.Timeline.Event;
import java.time.Duration;
import java.util.Optional;

/**
 * The line of a simulated call: a prompt lasts as long as its WAV file, a pause or a listening
 * window its configured length, all in virtual time; what the caller does comes from the
 * scenario ({@link Timeline}). How it hears the caller follows the script's detector: with
 * {@code audio}, a voice over a prompt the caller may answer stops it (barge-in) and listening
 * tells silence, a quiet voice, speech and noise apart; with {@code energy}, any sound is a voice.
 */
final class SimulatedLine implements Line {

    /** How long after a voice begins a prompt falls silent (README: 40-240 ms on the lab, median 160). */
    static final Duration BARGE_IN_AFTER = Duration.ofMillis(160);
    /** How long a quiet voice takes to be told apart (README: 1.1-2.0 s on the lab). */
    static final Duration QUIET_AFTER = Duration.ofMillis(1500);
    /** Asterisk's own digits (SAY DIGITS), each. */
    static final Duration PER_DIGIT_SAID = Duration.ofMillis(600);
    /** Keying in a number: each key and the closing #. */
    static final Duration PER_DIGIT_TYPED = Duration.ofMillis(400);
    /** The tone before a recording. */
    static final Duration BEEP = Duration.ofMillis(500);

    private final Timeline timeline;
    private final PromptLengths prompts;
    private final boolean ears;
    private final Duration confirmVoice;
    private String language;

    SimulatedLine(Timeline timeline, Script snapshot, PromptLengths prompts) {
        this.timeline = timeline;
        this.prompts = prompts;
        this.ears = snapshot.inbound().listening().listensToAudio();
        this.confirmVoice = snapshot.lineQuality().confirmVoiceAfter();
        this.language = snapshot.languages().fallback();
    }

    @Override
    public void answer() {
        ran(timeline.step("answer", Duration.ZERO, "", Optional.empty()));
    }

    @Override
    public void useLanguage(String newLanguage) {
        language = newLanguage;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Optional<Character> offer(String promptKey, String keys) {
        return key(timeline.step(promptKey, prompts.length(language, promptKey, true), keys, Optional.empty()));
    }

    @Override
    public Optional<Character> offerIn(String inLanguage, String promptKey, String keys) {
        return key(timeline.step(promptKey, prompts.length(inLanguage, promptKey, false), keys, Optional.empty()));
    }

    @Override
    public Answer ask(String promptKey, String keys) {
        return asked(promptKey, prompts.length(language, promptKey, true), keys);
    }

    @Override
    public Answer askIn(String inLanguage, String promptKey, String keys) {
        return asked(promptKey, prompts.length(inLanguage, promptKey, false), keys);
    }

    private Answer asked(String promptKey, Duration length, String keys) {
        Duration from = timeline.now();
        Optional<Duration> bargeIn = ears
                ? timeline.onset(Kind.SPEECH, from, from.plus(length)).map(t -> t.plus(BARGE_IN_AFTER))
                : Optional.empty();
        return switch (timeline.step(promptKey, length, keys, bargeIn)) {
            case Event.Key(char k, var at) -> new Answer.Pressed(k);
            case Event.Stopped(var at) -> new Answer.Spoke(at.minus(from));
            case Event.HungUp h -> throw hungUp(promptKey);
            case Event.Ran r -> new Answer.Finished();
        };
    }

    @Override
    public Optional<Character> waitForKey(String keys, Duration within) {
        return key(timeline.step("wait-for-key", within, keys, Optional.empty()));
    }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded, String keys) {
        Duration from = timeline.now();
        Duration to = from.plus(atMost);
        Optional<Duration> voice = ears ? timeline.onset(Kind.SPEECH, from, to).map(t -> t.plus(confirmVoice))
                : firstSound(from, to).map(t -> t.plus(voiceNeeded));
        Optional<Duration> quiet = ears ? timeline.onset(Kind.QUIET, from, to).map(t -> t.plus(QUIET_AFTER))
                : Optional.empty();
        Optional<Duration> verdict = earliest(voice, quiet);
        return switch (timeline.step("listen", atMost, keys, verdict)) {
            case Event.Key(char k, var at) -> new Heard.Pressed(k, at.minus(from));
            case Event.Stopped(var at) when voice.equals(verdict) -> new Heard.Voice(at.minus(from));
            case Event.Stopped(var at) -> new Heard.Quiet(at.minus(from));
            case Event.HungUp h -> throw hungUp("listen");
            case Event.Ran r when ears && timeline.onset(Kind.NOISE, from, to).isPresent() -> new Heard.Noisy(atMost);
            case Event.Ran r -> new Heard.Silence(atMost);
        };
    }

    private Optional<Duration> firstSound(Duration from, Duration to) {
        return earliest(earliest(timeline.onset(Kind.SPEECH, from, to), timeline.onset(Kind.QUIET, from, to)),
                timeline.onset(Kind.NOISE, from, to));
    }

    private static Optional<Duration> earliest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a.get().compareTo(b.get()) <= 0 ? a : b;
    }

    @Override
    public void pause(Duration length) {
        ran(timeline.step("pause", length, "", Optional.empty()));
    }

    @Override
    public Optional<String> askDigits(String promptKey, int maxDigits, Duration within) {
        Duration prompt = prompts.length(language, promptKey, true);
        Optional<String> digits = timeline.nextTyped();
        Duration typing = digits.map(d -> PER_DIGIT_TYPED.multipliedBy(d.length() + 1L)).orElse(within);
        ran(timeline.step(promptKey, prompt.plus(typing), "", Optional.empty()));
        return digits.map(d -> d.length() > maxDigits ? d.substring(0, maxDigits) : d);
    }

    @Override
    public void sayDigits(String digits) {
        ran(timeline.step("say-digits", PER_DIGIT_SAID.multipliedBy(digits.length()), "", Optional.empty()));
    }

    @Override
    public Optional<String> recordVoice(String promptKey, String name, Duration atMost) {
        Duration speaks = timeline.scenario().speaksFor();
        Duration length = prompts.length(language, promptKey, true).plus(BEEP)
                .plus(speaks.compareTo(atMost) < 0 ? speaks : atMost);
        ran(timeline.step(promptKey, length, "", Optional.empty()));
        return Optional.of("simulated/" + timeline.scenario().name() + "-" + name);
    }

    private Optional<Character> key(Event event) {
        return switch (event) {
            case Event.Key(char k, var at) -> Optional.of(k);
            case Event.HungUp h -> throw hungUp("the step");
            default -> Optional.empty();
        };
    }

    private static void ran(Event event) {
        if (event instanceof Event.HungUp) throw hungUp("the step");
    }

    private static CallerHungUp hungUp(String step) {
        return new CallerHungUp("the simulated caller hung up during " + step);
    }
}
