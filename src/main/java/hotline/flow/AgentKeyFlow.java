package hotline.flow;

import hotline.config.AgentScripts;
import hotline.config.InboundScript;
import hotline.config.Languages;
import hotline.config.Script;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * One press of an agent's key (issue 11, docs/agent-keys.md): the handbook's script, said to
 * the caller in their language while the agent waits, then back to the agent, or the polite
 * end of the call. Routed at {@code agi://…/agent/<script>}; asterisk-conf's [agent-key] runs
 * it on the caller's channel during the bridge. The ladders are the inbound ones (§3 noisy and
 * quiet, §4 dialect, §6 escalation, §5 callbacks), written once.
 */
public final class AgentKeyFlow implements CallFlow {

    private static final Duration KEY_WITHIN = Duration.ofSeconds(3);

    private final String script;
    private final AgentScripts agent;
    private final InboundScript inbound;
    private final Languages languages;
    private final CallbackCapture callbacks;
    private final AbuseReports reports;
    private final InstantSource clock;
    private final ClosingWords closingWords;

    public AgentKeyFlow(String script, Script snapshot, CallbackBook book, InstantSource clock) {
        this(script, snapshot, book, CallerHistory.NONE, clock);
    }

    /** As above, abuse reports stored in {@code history} (and the block list, when ops switched it on). */
    public AgentKeyFlow(String script, Script snapshot, CallbackBook book, CallerHistory history, InstantSource clock) {
        this.script = script;
        this.reports = new AbuseReports(snapshot.callers(), history, clock);
        this.agent = snapshot.agentScripts();
        this.inbound = snapshot.inbound();
        this.languages = snapshot.languages();
        this.clock = clock;
        this.callbacks = new CallbackCapture(inbound.callbacks(), new PromisingBook(book, snapshot.promises()));
        this.closingWords = new ClosingWords(snapshot.hours(), snapshot.hours().model(), clock);
    }

    @Override
    public Outcome run(Caller line, CallFacts facts) {
        Caller caller = endsNoted(line);
        caller.answer(); // already answered: this opens the line's ears for this session
        caller.note(AgentNotes.LANGUAGE).filter(languages.offered()::contains).ifPresent(caller::useLanguage);
        int press = caller.note(AgentNotes.count(script)).map(AgentNotes::number).orElse(0) + 1;
        caller.keepNote(AgentNotes.count(script), String.valueOf(press));
        caller.keepNote(AgentNotes.LAST_KEY, script + " " + agent.keyOf(script) + " press " + press);
        return switch (script) {
            case "repeat" -> back(caller, agent.repeatPrompt());
            case "noisy" -> ladder(caller, inbound.noisyLine(), press);
            case "quiet" -> ladder(caller, inbound.quietLine(), press);
            case "louder" -> {
                caller.louder(Math.min(agent.louderVolume() + press - 1, 4));
                yield back(caller, agent.louderPrompt());
            }
            case "slowly" -> back(caller, agent.slowlyPrompt());
            case "hold" -> hold(caller, facts);
            case "escalate", "dialect" -> handOver(caller);
            case "closing" -> closing(caller);
            case "out-of-scope" -> goodbye(caller, agent.outOfScopePrompt());
            case "abusive" -> abusive(caller, facts, press);
            case "wrong-number" -> wrongNumber(caller);
            case "privacy" -> back(caller, agent.privacyPrompt());
            case "invitation" -> back(caller, agent.invitationPrompt());
            default -> Routes.UNKNOWN_SCRIPT;
        };
    }

    /** The prompt, then the caller is back with the agent (the session ends, the bridge goes on). */
    private Outcome back(Caller caller, String prompt) {
        caller.play(prompt);
        return new Outcome.AgentScript(script, "back");
    }

    /** §3: the n-th press says the ladder's n-th re-prompt; past them, its goodbye, 5 s, the hang-up. */
    private Outcome ladder(Caller caller, hotline.config.LineLadder ladder, int press) {
        String reprompt = Prompting.nth(ladder.reprompts(), press - 1);
        if (reprompt != null) return back(caller, reprompt);
        Prompting.goodbye(caller, ladder.goodbye(), ladder.pauseBeforeHangup());
        return new Outcome.AgentScript(script, "hangup");
    }

    private Outcome goodbye(Caller caller, String prompt) {
        Prompting.goodbye(caller, prompt, agent.pauseBeforeHangup());
        return new Outcome.AgentScript(script, "hangup");
    }

    /**
     * §7: a warning; pressed again, the team lead is told (an AMI event and a stored report, which
     * may put the number on the block list) and the last sentence, 5 s, hang-up.
     */
    private Outcome abusive(Caller caller, CallFacts facts, int press) {
        if (press == 1) return back(caller, agent.civilPrompt());
        String agentChannel = caller.note(AgentNotes.AGENT).orElse("");
        caller.alert("HotlineAbusiveCaller", Map.of("Caller", facts.callerNumber(),
                "Agent", agentChannel, "Language", caller.language()));
        reports.report(facts, agentChannel, caller.note(AgentNotes.QUEUE).orElse(inbound.agents().queue()));
        return goodbye(caller, agent.abusiveLastWords());
    }

    /** §7: who we are, the right number where configured, goodbye, 5 s, hang-up. */
    private Outcome wrongNumber(Caller caller) {
        caller.play(agent.wrongNumberPrompt());
        if (!agent.rightNumber().isEmpty()) {
            caller.play(agent.rightNumberPrompt());
            caller.sayDigits(agent.rightNumber());
        }
        return goodbye(caller, agent.goodbyePrompt());
    }

    /**
     * §5: "please wait, I will check", music on hold until the agent's hold-back key; after
     * hold-remind-after the team lead's screen reminds the agent and the caller may take a callback.
     */
    private Outcome hold(Caller caller, CallFacts facts) {
        Instant start = clock.instant();
        caller.play(agent.holdPrompt());
        if (caller.holdUntilNote(AgentNotes.HOLD_BACK, agent.holdRemindAfter())) return back(caller, agent.holdBackPrompt());
        caller.alert("HotlineHoldReminder", Map.of("Agent", caller.note(AgentNotes.AGENT).orElse(""),
                "Held", String.valueOf(Duration.between(start, clock.instant()).toSeconds())));
        boolean wantsCallback = caller.ask(agent.holdReminderPrompt(), "1") instanceof Answer.Pressed
                || caller.waitForKey("1", KEY_WITHIN).isPresent();
        if (wantsCallback) {
            Duration held = Duration.between(start, clock.instant());
            return callbacks.take(caller, facts, agent.holdCallbackReason(), inbound.agents().queue(), held,
                    Optional.empty());
        }
        caller.holdUntilNote(AgentNotes.HOLD_BACK, agent.holdRemindAfter());
        return back(caller, agent.holdBackPrompt());
    }

    /**
     * §4 and §6 need another queue, which a caller inside the agent's bridge cannot join: the
     * call's own session carries them out (InboundFlow) once the agent's leg is released.
     */
    private Outcome handOver(Caller caller) {
        caller.keepNote(AgentNotes.NEXT, script);
        caller.releaseAgent(caller.note(AgentNotes.AGENT).orElse(""));
        return new Outcome.AgentScript(script, "handed-over");
    }

    /**
     * §9: "is there anything else?" A voice (or a key) takes the caller back to the agent; none:
     * "thank you for calling ... goodbye", 5 s for the caller to hang up first, then "sorry, I
     * have to hang up now", 5 s, the hang-up.
     */
    private Outcome closing(Caller caller) {
        var listening = inbound.listening();
        Heard heard = caller.promptAndListen(agent.anythingElsePrompt(), listening.listenFor(), listening.voiceNeeded(),
                "");
        if (heard instanceof Heard.Voice || heard instanceof Heard.Pressed) return new Outcome.AgentScript(script, "back");
        caller.play(closingWords.closing(agent.closingPrompt())); // a good weekend / holiday before one (§1)
        caller.pause(agent.pauseBeforeHangup());
        return goodbye(caller, agent.mustHangUpPrompt());
    }

    /** A caller whose hang-up first notes "script:hangup", so the call's own session reports this script. */
    private Caller endsNoted(Caller caller) {
        return Caller.of(caller, new NotingSwitch(caller, script));
    }
}
