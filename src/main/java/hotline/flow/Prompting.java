package hotline.flow;

import hotline.config.Listening;

/**
 * Re-prompting, written once: play each prompt in turn and listen after it; the first
 * voice ends the ladder, silence after the last prompt is the answer.
 */
final class Prompting {

    private Prompting() {}

    static Heard promptUntilHeard(Caller caller, Listening listening) {
        Heard heard = null;
        for (String prompt : listening.prompts()) {
            caller.play(prompt);
            heard = caller.listen(listening.listenFor(), listening.voiceNeeded());
            if (heard instanceof Heard.Voice) {
                return heard;
            }
        }
        return heard; // never null: config validation keeps at least one prompt
    }
}
