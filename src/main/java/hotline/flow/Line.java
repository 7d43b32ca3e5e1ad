package hotline.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * The line to the person calling: what they hear (prompts, digits, pauses) and what we hear
 * from them (voice, keys, recordings). Half of the {@link Caller} port; every method may
 * throw {@link CallerHungUp}.
 */
public interface Line {

    void answer();

    /** The caller's language from now on: prompts and Asterisk's own sounds follow it. */
    void useLanguage(String language);

    /** Plays a prompt by its catalogue key, in the caller's language, to the end. */
    default void play(String promptKey) {
        offer(promptKey, "");
    }

    /** Plays a prompt; stops early and returns the key if the caller presses one of {@code keys}. */
    Optional<Character> offer(String promptKey, String keys);

    /** As {@link #offer}, but in the given language whatever the caller's (menu options). */
    Optional<Character> offerIn(String language, String promptKey, String keys);

    /**
     * Plays a prompt the caller may answer: a key of {@code keys} stops it, and so does the
     * caller's voice (barge-in) where the line's audio is heard. Without ears on the line,
     * it is {@link #offer}.
     */
    default Answer ask(String promptKey, String keys) {
        return answer(offer(promptKey, keys));
    }

    /** As {@link #ask}, but in the given language whatever the caller's (the language menu). */
    default Answer askIn(String language, String promptKey, String keys) {
        return answer(offerIn(language, promptKey, keys));
    }

    private static Answer answer(Optional<Character> key) {
        return key.<Answer>map(Answer.Pressed::new).orElseGet(Answer.Finished::new);
    }

    /** Waits for one of {@code keys}; empty when none came in time. */
    Optional<Character> waitForKey(String keys, Duration within);

    /**
     * Listens for at most {@code atMost}; see {@link Heard}. Where the line's audio is heard,
     * the verdict is on everything heard since the greeting began, and a key of
     * {@code keys} ends it too.
     */
    Heard listen(Duration atMost, Duration voiceNeeded, String keys);

    /**
     * Plays a prompt, listening to the caller while it plays, then listens for at most
     * {@code atMost} from its end. A caller who speaks over the prompt stops it and is
     * heard as a {@link Heard.Voice} with {@code overPrompt} (barge-in). Without a way to
     * hear the caller during a prompt, it is {@link #play} then {@link #listen}.
     */
    default Heard promptAndListen(String promptKey, Duration atMost, Duration voiceNeeded, String keys) {
        return switch (ask(promptKey, keys)) {
            case Answer.Pressed(char key) -> new Heard.Pressed(key, Duration.ZERO);
            case Answer.Spoke(Duration into) -> new Heard.Voice(Duration.ZERO, java.util.Optional.of(into));
            case Answer.Finished f -> listen(atMost, voiceNeeded, keys);
        };
    }

    /** Keeps the line open without playing anything (the caller is still heard). */
    void pause(Duration length);


    /** The caller's language now. */
    String language();

    /** Plays a prompt and collects up to {@code maxDigits} keys ending with #; empty when none. */
    Optional<String> askDigits(String promptKey, int maxDigits, Duration within);

    /** Reads digits back one by one, in the caller's language. */
    void sayDigits(String digits);

    /** Plays a prompt, then records the caller after a tone until # or {@code atMost}. */
    Optional<String> recordVoice(String promptKey, String name, Duration atMost);
}
