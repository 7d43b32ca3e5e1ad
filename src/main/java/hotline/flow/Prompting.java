package hotline.flow;

import hotline.config.InboundScript;
import hotline.config.LineLadder;
import java.util.List;

/**
 * Re-prompting, written once (call-scripts.md §2-§3): listen; while the line is silent,
 * quiet or noisy, play that case's next re-prompt and listen again. A voice ends it, also
 * one heard over a re-prompt (barge-in: "Hello? I can't h—" "Yes, hello!"); when a case
 * runs out of re-prompts, its goodbye is the answer.
 */
final class Prompting {

    /** How listening ended: the caller spoke, pressed a key, or a poor line's goodbye is due. */
    sealed interface Ending {
        record Spoke() implements Ending {}
        record Pressed(char key) implements Ending {}
        record GaveUp(Heard last) implements Ending {}
    }

    private Prompting() {}

    static Ending listenWithReprompts(Line caller, InboundScript script, String keys) {
        var listening = script.listening();
        int silent = 0, quiet = 0, noisy = 0;
        Heard heard = caller.listen(listening.listenFor(), listening.voiceNeeded(), keys);
        while (true) {
            String next = switch (heard) {
                case Heard.Voice v -> null;
                case Heard.Pressed p -> null;
                case Heard.Silence s -> nth(listening.reprompts(), silent++);
                case Heard.Quiet q -> nth(script.quietLine().reprompts(), quiet++);
                case Heard.Noisy n -> nth(script.noisyLine().reprompts(), noisy++);
            };
            if (heard instanceof Heard.Voice) return new Ending.Spoke();
            if (heard instanceof Heard.Pressed(char key, var after)) return new Ending.Pressed(key);
            if (next == null) return new Ending.GaveUp(heard);
            heard = caller.promptAndListen(next, listening.listenFor(), listening.voiceNeeded(), keys);
        }
    }

    /** The goodbye ladder for how the line sounded last. */
    static LineLadder ladderFor(Heard last, InboundScript script) {
        return switch (last) {
            case Heard.Quiet q -> script.quietLine();
            case Heard.Noisy n -> script.noisyLine();
            case Heard.Voice v -> throw new IllegalArgumentException("a voice needs no goodbye");
            case Heard.Pressed p -> throw new IllegalArgumentException("a key needs no goodbye");
            case Heard.Silence s -> new LineLadder(List.of(), script.silentLine().goodbye(),
                    script.silentLine().pauseBeforeHangup());
        };
    }

    /** A goodbye, the pause (the caller may hang up first, §9), then the hang-up: never abrupt. */
    static void goodbye(Caller caller, String prompt, java.time.Duration pause) {
        caller.play(prompt);
        caller.pause(pause);
        caller.hangUp();
    }

    static String nth(List<String> prompts, int i) {
        return i < prompts.size() ? prompts.get(i) : null;
    }
}
