package hotline.flow;

import hotline.config.AgentScripts;
import hotline.config.Callers;
import hotline.config.Hours;
import hotline.config.InboundScript;
import hotline.config.Languages;
import hotline.config.Script;
import hotline.config.Store;
import hotline.hours.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * The inbound hotline script (call-scripts.md §1-§6): greet in the language of the
 * dialled number, with one short line naming the other options; listen to the caller
 * from the first second (a voice over the greeting is put through, a key works at any
 * moment); re-prompt a silent, quiet or noisy line, and either put the caller through to
 * the agents or close the line politely. Never hangs up without a goodbye and a pause.
 * Time comes from the injected clock only (the journal's, in production; a test's fake).
 */
public final class InboundFlow implements CallFlow {

    private final InboundScript script;
    private final Languages languages;
    private final ToAgents agents;
    private final Escalation escalation;
    private final AfterAgent afterAgent;
    private final CallerCheck callers;
    private final InstantSource clock;
    private final OpeningHours open;
    private final ClosedLine closed;
    private Instant answered;

    /** The inbound script of one call's snapshot: its prompts, timings, languages and promises; one flow per call. */
    public InboundFlow(Script snapshot, CallbackBook book, InstantSource clock) {
        this(snapshot, book, CallerHistory.NONE, clock);
    }

    /** As above, the caller's number looked up in {@code history} (block list, repeat callers). */
    public InboundFlow(Script snapshot, CallbackBook book, CallerHistory history, InstantSource clock) {
        this(snapshot.inbound(), snapshot.languages(), snapshot.promises(), snapshot.agentScripts(), snapshot.hours(),
                new CallerCheck(snapshot.callers(), history, clock), book, clock);
    }

    /** With the default promises ({@code store.promise} left out: tests of the script). */
    public InboundFlow(InboundScript script, Languages languages, CallbackBook book, InstantSource clock) {
        this(script, languages, Store.defaults().promise(), AgentScripts.defaults(), null,
                new CallerCheck(Callers.defaults(), CallerHistory.NONE, clock), book, clock);
    }

    private InboundFlow(InboundScript script, Languages languages, Map<String, Duration> promises,
                        AgentScripts agentScripts, Hours hours, CallerCheck callers, CallbackBook book,
                        InstantSource clock) {
        this.script = script;
        this.callers = callers;
        this.languages = languages;
        this.clock = clock; // it keeps the moment the call was answered
        Hours h = hours == null ? Hours.alwaysOpen() : hours;
        this.open = h.model();
        var promising = new PromisingBook(book, promises);
        var callbacks = new CallbackCapture(script.callbacks(), promising);
        this.agents = new ToAgents(script.agents(), callbacks);
        this.escalation = new Escalation(script.complaint(), callbacks, clock);
        this.afterAgent = new AfterAgent(agentScripts, escalation, script.dialect(), script.dialectWhisper(),
                new ClosingWords(h, open, clock));
        this.closed = new ClosedLine(h, open, script.callbacks(), promising, script.agents().queue());
    }

    @Override
    public Outcome run(Caller caller, CallFacts facts) {
        caller.answer();
        answered = clock.instant();
        caller.useLanguage(languages.forNumber(facts.dialled()));
        var blocked = callers.atAnswer(caller, facts); // §7 the block list; §1 a repeat caller, for the agent
        if (blocked.isPresent()) return blocked.get();
        // closed: the greeting's "how can I help you?" would not be true (§5, docs/call-flows/inbound.md)
        if (!open.isOpen(answered)) return closed.run(caller, facts, answered);
        Answer answer = caller.ask(script.greeting(), keys());
        if (answer instanceof Answer.Finished) answer = afterGreeting(caller);
        return answered(caller, facts, answer);
    }

    /** The short options line, or the whole menu when no menu key is configured. */
    private Answer afterGreeting(Caller caller) {
        if (languages.menuKey().isEmpty()) return wholeMenu(caller);
        return languages.optionsPrompt().isEmpty() ? new Answer.Finished()
                : caller.ask(languages.optionsPrompt(), keys());
    }

    private Outcome answered(Caller caller, CallFacts facts, Answer answer) {
        return switch (answer) {
            case Answer.Spoke spoke -> toAgents(caller, facts);
            case Answer.Pressed(char key) -> pressed(caller, facts, key);
            case Answer.Finished f -> listen(caller, facts);
        };
    }

    /** §2-§3: listen, re-prompt a poor line; every key still works. */
    private Outcome listen(Caller caller, CallFacts facts) {
        return switch (Prompting.listenWithReprompts(caller, script, keys())) {
            case Prompting.Ending.Spoke spoke -> toAgents(caller, facts);
            case Prompting.Ending.Pressed(char key) -> pressed(caller, facts, key);
            case Prompting.Ending.GaveUp(Heard last) -> goodbye(caller, last);
        };
    }

    private Outcome pressed(Caller caller, CallFacts facts, char key) {
        String k = String.valueOf(key);
        if (k.equals(languages.dialectKey())) {
            return DialectLadder.run(caller, script.dialect(), script.dialectWhisper(), c -> toAgents(c, facts));
        }
        if (k.equals(script.complaint().key())) {
            return escalation.run(caller, facts, answered);
        }
        if (k.equals(languages.menuKey())) {
            return answered(caller, facts, wholeMenu(caller));
        }
        caller.useLanguage(languages.languageForKey(key).orElseThrow());
        // "how can I help you?", now in their language
        return answered(caller, facts, caller.ask(script.greeting(), keys()));
    }

    /** Each language option in its own language, then the dialect and complaint options. */
    private Answer wholeMenu(Caller caller) {
        Answer answer = new Answer.Finished();
        for (String language : languages.menu().values()) {
            answer = caller.askIn(language, languages.optionPrompt(), keys());
            if (!(answer instanceof Answer.Finished)) return answer;
        }
        if (!languages.dialectKey().isEmpty()) {
            answer = caller.ask(languages.dialectPrompt(), keys());
            if (!(answer instanceof Answer.Finished)) return answer;
        }
        if (!script.complaint().key().isEmpty()) {
            answer = caller.ask(script.complaint().optionPrompt(), keys());
        }
        return answer;
    }

    private String keys() {
        return languages.keys() + script.complaint().key();
    }

    /** Waiting, an agent, and what follows the agent (AfterAgent: the §9 close, or an agent key's hand-over). */
    private Outcome toAgents(Caller caller, CallFacts facts) {
        callers.tellTheAgent(caller);
        Outcome queued = agents.putThrough(caller, facts, script.agents().connecting(), script.agents().queue());
        return afterAgent.after(caller, facts, queued, answered, c -> toAgents(c, facts));
    }

    /**
     * §2.3-§2.4 and §3: "your phone has no sound" / "your line is too quiet" / "too noisy",
     * "please call again from another phone, goodbye", a pause, then the hang-up.
     */
    private Outcome goodbye(Caller caller, Heard last) {
        var ladder = Prompting.ladderFor(last, script);
        Prompting.goodbye(caller, ladder.goodbye(), ladder.pauseBeforeHangup());
        return switch (last) {
            case Heard.Quiet q -> new Outcome.PoorLineGoodbye("quiet");
            case Heard.Noisy n -> new Outcome.PoorLineGoodbye("noisy");
            default -> new Outcome.SilentLineGoodbye();
        };
    }
}
