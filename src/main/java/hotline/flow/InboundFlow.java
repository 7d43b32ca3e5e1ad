package hotline.flow;

import hotline.config.InboundScript;
import hotline.config.Languages;
import java.time.Duration;
import java.util.Optional;

/**
 * The inbound hotline script (call-scripts.md §1-§6): greet in the language of the
 * dialled number, offer the other languages, the dialect ladder and the complaint line,
 * listen for the caller's voice, re-prompt, and either put the caller through to the
 * agents or close a silent line politely. Never hangs up without a goodbye and a pause.
 */
public final class InboundFlow {

    private final InboundScript script;
    private final Languages languages;
    private final ToAgents agents;
    private final Escalation escalation;

    public InboundFlow(InboundScript script, Languages languages, CallbackBook book) {
        this.script = script;
        this.languages = languages;
        var callbacks = new CallbackCapture(script.callbacks(), book);
        this.agents = new ToAgents(script.agents(), callbacks);
        this.escalation = new Escalation(script.complaint(), callbacks);
    }

    public Outcome run(Caller caller, CallFacts facts) {
        caller.answer();
        caller.useLanguage(languages.forNumber(facts.dialled()));
        Optional<String> key = greetWithMenu(caller).map(String::valueOf);
        if (key.isPresent()) {
            if (key.get().equals(languages.dialectKey())) {
                return DialectLadder.run(caller, script.dialect(), toAgents(facts));
            }
            if (key.get().equals(script.complaint().key())) {
                return escalation.run(caller, facts, Duration.ZERO);
            }
            caller.useLanguage(languages.languageForKey(key.get().charAt(0)).orElseThrow());
            caller.play(script.greeting()); // "how can I help you?", now in their language
        }
        return switch (Prompting.listenWithReprompts(caller, script)) {
            case Prompting.Ending.Spoke spoke -> toAgents(facts).apply(caller);
            case Prompting.Ending.GaveUp(Heard last) -> goodbye(caller, last);
        };
    }

    private java.util.function.Function<Caller, Outcome> toAgents(CallFacts facts) {
        return c -> agents.putThrough(c, facts, script.agents().connecting(), script.agents().queue());
    }

    /** The greeting, each language option in its own language, the dialect and complaint options. */
    private Optional<Character> greetWithMenu(Caller caller) {
        String complaintKey = script.complaint().key();
        String keys = languages.keys() + complaintKey;
        Optional<Character> key = caller.offer(script.greeting(), keys);
        for (String language : languages.menu().values()) {
            if (key.isPresent()) return key;
            key = caller.offerIn(language, languages.optionPrompt(), keys);
        }
        if (key.isEmpty() && !languages.dialectKey().isEmpty()) {
            key = caller.offer(languages.dialectPrompt(), keys);
        }
        if (key.isEmpty() && !complaintKey.isEmpty()) {
            key = caller.offer(script.complaint().optionPrompt(), keys);
        }
        return key;
    }

    /**
     * §2.3-§2.4 and §3: "your phone has no sound" / "your line is too quiet" / "too noisy",
     * "please call again from another phone, goodbye", a pause, then the hang-up.
     */
    private Outcome goodbye(Caller caller, Heard last) {
        var ladder = Prompting.ladderFor(last, script);
        caller.play(ladder.goodbye());
        caller.pause(ladder.pauseBeforeHangup());
        caller.hangUp();
        return switch (last) {
            case Heard.Quiet q -> new Outcome.PoorLineGoodbye("quiet");
            case Heard.Noisy n -> new Outcome.PoorLineGoodbye("noisy");
            default -> new Outcome.SilentLineGoodbye();
        };
    }
}
