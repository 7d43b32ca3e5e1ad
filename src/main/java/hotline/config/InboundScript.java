package hotline.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The inbound call script: {@code inbound:} in hotline.yaml.
 *
 * @param greeting §1 "Hello, ... how can I help you?"; the language menu follows it
 */
public record InboundScript(String greeting, Listening listening, SilentLine silentLine, LineLadder quietLine,
                            LineLadder noisyLine, Agents agents, Dialect dialect, Callbacks callbacks,
                            Complaint complaint) {

    public InboundScript {
        greeting = greeting == null ? "greeting" : greeting;
        listening = listening == null ? Listening.defaults() : listening;
        silentLine = silentLine == null ? SilentLine.defaults() : silentLine;
        quietLine = quietLine == null ? LineLadder.quietDefaults() : quietLine;
        noisyLine = noisyLine == null ? LineLadder.noisyDefaults() : noisyLine;
        agents = agents == null ? Agents.defaults() : agents;
        dialect = dialect == null ? Dialect.defaults() : dialect;
        callbacks = callbacks == null ? Callbacks.defaults() : callbacks;
        complaint = complaint == null ? Complaint.defaults() : complaint;
        var check = new Check();
        check.promptKey("greeting", greeting);
        check.across("agents.callback-reason", Set.of("agents", "callbacks"),
                callbacks.confirmedPrompts().containsKey(agents.callbackReason()), "reason "
                        + Check.quote(agents.callbackReason()) + " has no inbound.callbacks.confirmed-prompts entry");
        check.across("complaint.reason", Set.of("complaint", "callbacks"),
                callbacks.confirmedPrompts().containsKey(complaint.reason()), "reason "
                        + Check.quote(complaint.reason()) + " has no inbound.callbacks.confirmed-prompts entry");
        check.done();
    }

    /** The dialplan context a dialect colleague hears before the bridge: the dialect's own, else the agents'. */
    public String dialectWhisper() {
        return dialect.whisper().isEmpty() ? agents.agentWhisper() : dialect.whisper();
    }

    /**
     * Every queue this script sends callers to, each once, with the whisper its member hears before
     * the bridge: the agents' queue, the team lead's, then each language's dialect queues. The
     * callback dialler places callbacks back in each of them (docs/callbacks.md#placing-callbacks-back).
     */
    public List<CallbackLine> callbackLines() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.putIfAbsent(agents.queue(), agents.agentWhisper());
        lines.putIfAbsent(complaint.queue(), complaint.whisper());
        String dialectWhisper = dialectWhisper();
        dialect.byLanguage().values().forEach(route -> route.queues().forEach(q -> lines.putIfAbsent(q, dialectWhisper)));
        return lines.entrySet().stream().map(e -> new CallbackLine(e.getKey(), e.getValue())).toList();
    }

    /** Every queue name this script names, with its key path (for {@code check} against queues.conf). */
    public List<QueueUse> queueUses() {
        List<QueueUse> uses = new ArrayList<>();
        uses.add(new QueueUse("inbound.agents.queue", agents.queue()));
        uses.add(new QueueUse("inbound.complaint.queue", complaint.queue()));
        dialect.byLanguage().forEach((language, route) -> {
            for (int i = 0; i < route.queues().size(); i++) {
                uses.add(new QueueUse("inbound.dialect.by-language." + language + ".queues[" + i + "]",
                        route.queues().get(i)));
            }
        });
        return uses;
    }

    /**
     * A queue callbacks wait in, and the dialplan context (Gosub) its member hears before the bridge.
     *
     * @param queue   the queue name (queues.conf)
     * @param whisper the context: the agents' {@code agent-whisper}, the team lead's {@code teamlead-whisper} …
     */
    public record CallbackLine(String queue, String whisper) {}

    /** A queue name as the config writes it: {@code inbound.dialect.by-language.es.queues[0]} → dialect-es. */
    public record QueueUse(String keyPath, String queue) {}

    static InboundScript defaults() {
        return new InboundScript(null, null, null, null, null, null, null, null, null);
    }

    /** Every prompt key this script can play, with the config key path that names it. */
    public Stream<PromptUse> promptUses() {
        var uses = Stream.<PromptUse>builder();
        uses.add(new PromptUse("inbound.greeting", greeting));
        for (int i = 0; i < listening.reprompts().size(); i++) {
            uses.add(new PromptUse("inbound.listening.reprompts[" + i + "]", listening.reprompts().get(i)));
        }
        uses.add(new PromptUse("inbound.silent-line.goodbye", silentLine.goodbye()));
        for (int i = 0; i < quietLine.reprompts().size(); i++) {
            uses.add(new PromptUse("inbound.quiet-line.reprompts[" + i + "]", quietLine.reprompts().get(i)));
        }
        uses.add(new PromptUse("inbound.quiet-line.goodbye", quietLine.goodbye()));
        for (int i = 0; i < noisyLine.reprompts().size(); i++) {
            uses.add(new PromptUse("inbound.noisy-line.reprompts[" + i + "]", noisyLine.reprompts().get(i)));
        }
        uses.add(new PromptUse("inbound.noisy-line.goodbye", noisyLine.goodbye()));
        uses.add(new PromptUse("inbound.agents.connecting", agents.connecting()));
        uses.add(new PromptUse("inbound.agents.gave-up-prompt", agents.gaveUpPrompt()));
        for (int i = 0; i < dialect.steps().size(); i++) {
            uses.add(new PromptUse("inbound.dialect.steps[" + i + "]", dialect.steps().get(i)));
        }
        dialect.byLanguage().forEach((language, route) -> {
            for (int i = 0; i < route.steps().size(); i++) {
                uses.add(new PromptUse("inbound.dialect.by-language." + language + ".steps[" + i + "]",
                        route.steps().get(i)));
            }
        });
        uses.add(new PromptUse("inbound.dialect.yes-no-prompt", dialect.yesNoPrompt()));
        uses.add(new PromptUse("inbound.dialect.transfer-prompt", dialect.transferPrompt()));
        uses.add(new PromptUse("inbound.dialect.unavailable-prompt", dialect.unavailablePrompt()));
        uses.add(new PromptUse("inbound.dialect.no-queue-prompt", dialect.noQueuePrompt()));
        uses.add(new PromptUse("inbound.agents.patience-prompt", agents.patiencePrompt()));
        uses.add(new PromptUse("inbound.agents.callback-offer-prompt", agents.callbackOfferPrompt()));
        uses.add(new PromptUse("inbound.callbacks.use-caller-id-prompt", callbacks.useCallerIdPrompt()));
        uses.add(new PromptUse("inbound.callbacks.enter-number-prompt", callbacks.enterNumberPrompt()));
        uses.add(new PromptUse("inbound.callbacks.you-entered-prompt", callbacks.youEnteredPrompt()));
        uses.add(new PromptUse("inbound.callbacks.confirm-prompt", callbacks.confirmPrompt()));
        uses.add(new PromptUse("inbound.callbacks.confirm-caller-id-prompt", callbacks.confirmCallerIdPrompt()));
        uses.add(new PromptUse("inbound.callbacks.no-number-prompt", callbacks.noNumberPrompt()));
        uses.add(new PromptUse("inbound.callbacks.record-name-prompt", callbacks.recordNamePrompt()));
        uses.add(new PromptUse("inbound.callbacks.not-allowed-prompt", callbacks.notAllowedPrompt()));
        uses.add(new PromptUse("inbound.callbacks.limit-prompt", callbacks.limitPrompt()));
        callbacks.confirmedPrompts().forEach((reason, prompt) ->
                uses.add(new PromptUse("inbound.callbacks.confirmed-prompts." + reason, prompt)));
        if (!complaint.key().isEmpty()) {
            uses.add(new PromptUse("inbound.complaint.option-prompt", complaint.optionPrompt()));
        }
        uses.add(new PromptUse("inbound.complaint.escalating-prompt", complaint.escalatingPrompt()));
        uses.add(new PromptUse("inbound.complaint.statement-prompt", complaint.statementPrompt()));
        uses.add(new PromptUse("inbound.complaint.unavailable-prompt", complaint.unavailablePrompt()));
        return uses.build();
    }

    public record PromptUse(String keyPath, String promptKey) {}
}
