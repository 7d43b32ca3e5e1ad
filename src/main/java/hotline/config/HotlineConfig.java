package hotline.config;

import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole of hotline.yaml, bound and validated; immutable. Two views of it: {@link #settings()}
 * (needs a restart) and {@link #script()} (per call, a snapshot each call keeps to its end).
 */
public record HotlineConfig(Server server, Sounds sounds, Languages languages, Journal journal,
                            Store store, LineQuality lineQuality, InboundScript inbound, Dialler dialler,
                            AgentScripts agentScripts, Callers callers, Hours hours) {

    /** Without {@code callers:} (the shipped defaults) and always open ({@code hours:} left out). */
    public HotlineConfig(Server server, Sounds sounds, Languages languages, Journal journal, Store store,
                         LineQuality lineQuality, InboundScript inbound, Dialler dialler, AgentScripts agentScripts) {
        this(server, sounds, languages, journal, store, lineQuality, inbound, dialler, agentScripts, null, null);
    }

    /** Without {@code agent-scripts:} nor {@code callers:} (the shipped ones). */
    public HotlineConfig(Server server, Sounds sounds, Languages languages, Journal journal, Store store,
                         LineQuality lineQuality, InboundScript inbound, Dialler dialler) {
        this(server, sounds, languages, journal, store, lineQuality, inbound, dialler, null, null, null);
    }

    public HotlineConfig {
        server = server == null ? Server.defaults() : server;
        sounds = sounds == null ? Sounds.defaults() : sounds;
        languages = languages == null ? Languages.defaults() : languages;
        journal = journal == null ? Journal.defaults() : journal;
        store = store == null ? Store.defaults() : store;
        lineQuality = lineQuality == null ? LineQuality.defaults() : lineQuality;
        inbound = inbound == null ? InboundScript.defaults() : inbound;
        dialler = dialler == null ? Dialler.defaults() : dialler;
        var check = new Check();
        agentScripts = agentScripts == null ? AgentScripts.defaults() : agentScripts;
        callers = callers == null ? Callers.defaults() : callers;
        hours = hours == null ? Hours.defaults() : hours;
        String holdReason = agentScripts.holdCallbackReason();
        check.across("agent-scripts.hold-callback-reason", Set.of("agent-scripts", "inbound"),
                inbound.callbacks().confirmedPrompts().containsKey(holdReason),
                "reason code " + Check.quote(holdReason) + " has no inbound.callbacks.confirmed-prompts entry");
        String complaintKey = inbound.complaint().key();
        check.across("inbound.complaint.key", Set.of("inbound", "languages"),
                complaintKey.isEmpty() || !languages.keys().contains(complaintKey),
                Check.quote(complaintKey) + " is also a key of languages (menu, dialect-key or menu-key)");
        // a claim must outlive the longest attempt (ring-for, then 30 s for Asterisk's answer), or
        // another node would take a callback that is still ringing
        check.across("store.claim-timeout", Set.of("store", "dialler"),
                store.claimTimeout().compareTo(dialler.ringFor().plusSeconds(30)) > 0,
                Durations.format(store.claimTimeout()) + " must be above dialler.ring-for ("
                        + Durations.format(dialler.ringFor()) + ") plus 30s");
        for (String language : inbound.dialect().byLanguage().keySet()) {
            check.across("inbound.dialect.by-language." + language, Set.of("inbound", "languages"),
                    languages.offered().contains(language),
                    Check.quote(language) + " is not one of languages.offered " + languages.offered());
        }
        for (String reason : inbound.callbacks().confirmedPrompts().keySet()) {
            check.across("inbound.callbacks.confirmed-prompts." + reason, Set.of("inbound", "store"),
                    store.promise().containsKey(reason), "reason " + Check.quote(reason)
                            + " has no store.promise." + reason + " (how soon the callback is promised)");
        }
        check.done();
    }

    /** What the server binds, opens and connects to at start: a change needs a restart. */
    public Settings settings() {
        return new Settings(server, journal, store, lineQuality, dialler);
    }

    /** What a call follows: a snapshot taken at its start. */
    public Script script() {
        return new Script(sounds, languages, lineQuality, inbound, store.promise(), agentScripts, callers, hours);
    }

    public static HotlineConfig defaults() {
        return new HotlineConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    public HotlineConfig withServer(Server newServer) {
        return new HotlineConfig(newServer, sounds, languages, journal, store, lineQuality, inbound, dialler, agentScripts, callers, hours);
    }

    public HotlineConfig withInbound(InboundScript newInbound) {
        return new HotlineConfig(server, sounds, languages, journal, store, lineQuality, newInbound, dialler, agentScripts, callers, hours);
    }

    public HotlineConfig withLanguages(Languages newLanguages) {
        return new HotlineConfig(server, sounds, newLanguages, journal, store, lineQuality, inbound, dialler, agentScripts, callers, hours);
    }

    public HotlineConfig withCallers(Callers newCallers) {
        return new HotlineConfig(server, sounds, languages, journal, store, lineQuality, inbound, dialler, agentScripts, newCallers, hours);
    }

    public HotlineConfig withHours(Hours newHours) {
        return new HotlineConfig(server, sounds, languages, journal, store, lineQuality, inbound, dialler, agentScripts, callers, newHours);
    }

    /** Every prompt any script can play, with the key path that names it. */
    public Stream<InboundScript.PromptUse> promptUses() {
        var options = languages.optionsPrompt().isEmpty() ? Stream.<InboundScript.PromptUse>empty()
                : Stream.of(new InboundScript.PromptUse("languages.options-prompt", languages.optionsPrompt()));
        var menu = Stream.of(
                new InboundScript.PromptUse("languages.option-prompt", languages.optionPrompt()),
                new InboundScript.PromptUse("languages.dialect-prompt", languages.dialectPrompt()),
                // said to the agent by asterisk-conf's [agent-whisper] (inbound.agents.apologise-after)
                new InboundScript.PromptUse("inbound.agents.agent-whisper", "agent-apologise"));
        return Stream.of(inbound.promptUses(), menu, options, agentScripts.promptUses(), callers.promptUses(),
                hours.promptUses()).flatMap(s -> s);
    }
}
