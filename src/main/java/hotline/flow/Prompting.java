package hotline.flow;

import hotline.config.Listening;

/**
 * Re-prompting, written once: listen; while the line stays silent, play the next
 * re-prompt and listen again. The first voice ends it; silence after the last window
 * is the answer.
 */
final class Prompting {

    private Prompting() {}

    static Heard listenWithReprompts(Caller caller, Listening listening) {
        Heard heard = caller.listen(listening.listenFor(), listening.voiceNeeded());
        for (String reprompt : listening.reprompts()) {
            if (heard instanceof Heard.Voice) {
                return heard;
            }
            caller.play(reprompt);
            heard = caller.listen(listening.listenFor(), listening.voiceNeeded());
        }
        return heard;
    }
}
