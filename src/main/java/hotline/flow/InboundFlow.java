package hotline.flow;

import hotline.config.InboundScript;
import hotline.config.Languages;
import java.util.Optional;

/**
 * The inbound hotline script (call-scripts.md §1, §2, §4): greet in the language of the
 * dialled number, offer the other languages and the dialect ladder, listen for the
 * caller's voice, re-prompt, and either put the caller through to the agents or close a
 * silent line politely. Never hangs up without a goodbye and a pause.
 */
public final class InboundFlow {

    private final InboundScript script;
    private final Languages languages;

    public InboundFlow(InboundScript script, Languages languages) {
        this.script = script;
        this.languages = languages;
    }

    public Outcome run(Caller caller, String dialled) {
        caller.answer();
        caller.useLanguage(languages.forNumber(dialled));
        Optional<Character> key = greetWithMenu(caller);
        if (key.isPresent()) {
            if (String.valueOf(key.get()).equals(languages.dialectKey())) {
                return DialectLadder.run(caller, script.dialect(), script.agents());
            }
            caller.useLanguage(languages.languageForKey(key.get()).orElseThrow());
            caller.play(script.greeting()); // "how can I help you?", now in their language
        }
        return switch (Prompting.listenWithReprompts(caller, script.listening())) {
            case Heard.Voice voice -> ToAgents.putThrough(caller, script.agents(),
                    script.agents().connecting(), script.agents().queue());
            case Heard.Silence silence -> silentLineGoodbye(caller);
        };
    }

    /** The greeting, then each language option in its own language, then the dialect option. */
    private Optional<Character> greetWithMenu(Caller caller) {
        String keys = languages.keys();
        Optional<Character> key = caller.offer(script.greeting(), keys);
        for (String language : languages.menu().values()) {
            if (key.isPresent()) return key;
            key = caller.offerIn(language, languages.optionPrompt(), keys);
        }
        if (key.isEmpty() && !languages.dialectKey().isEmpty()) {
            key = caller.offer(languages.dialectPrompt(), keys);
        }
        return key;
    }

    /** §2.3-§2.4: "your phone has no sound ... goodbye", wait, then hang up. */
    private Outcome silentLineGoodbye(Caller caller) {
        var silentLine = script.silentLine();
        caller.play(silentLine.goodbye());
        caller.pause(silentLine.pauseBeforeHangup());
        caller.hangUp();
        return new Outcome.SilentLineGoodbye();
    }
}
