package hotline.agi;

import hotline.store.CallbackRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The channel variables a callback's Originate carries for the {@code [hotline-callback]} dialplan (docs/callbacks.md). */
final class CallbackVariables {

    private CallbackVariables() {
    }

    /**
     * @param whisper      the line's context its member hears before the bridge (the team lead: the
     *                     caller's details, §6); "" for none
     * @param queueTimeout how long the answered callee waits at the head of the queue
     */
    static Map<String, String> of(CallbackRequest callback, String whisper, Duration queueTimeout) {
        var vars = new LinkedHashMap<String, String>();
        vars.put("HOTLINE_CALLBACK_ID", String.valueOf(callback.id()));
        vars.put("HOTLINE_CALLBACK_MARK", AnsweredUnheard.markOf(callback)); // the dialplan's answered mark:
        vars.put("HOTLINE_CALLBACK_ATTEMPT", String.valueOf(callback.attempts())); // DB(hotline-callback/<mark>)
        vars.put("HOTLINE_CALLBACK_QUEUE", callback.queue().code());
        vars.put("HOTLINE_CALLBACK_LANGUAGE", callback.language());
        vars.put("HOTLINE_CALLBACK_TIMEOUT", String.valueOf(queueTimeout.toSeconds()));
        if (!whisper.isEmpty()) vars.put("HOTLINE_CALLBACK_GOSUB", whisper);
        // "__": inherited by the agent's channel the queue creates, as for live callers
        vars.put("__HOTLINE_CALLER", callback.number().digits());
        vars.put("__HOTLINE_WAITED", String.valueOf(callback.caller().waited().toSeconds()));
        callback.recording().ifPresent(r -> vars.put("__HOTLINE_STATEMENT", r));
        return vars;
    }
}
