package hotline.config;

import java.util.stream.Stream;

/**
 * The inbound call script: {@code inbound:} in hotline.yaml.
 *
 * @param greeting §1 "Hello, ... how can I help you?"; the language menu follows it
 */
public record InboundScript(String greeting, Listening listening, SilentLine silentLine, Agents agents,
                            Dialect dialect) {

    public InboundScript {
        greeting = greeting == null ? "greeting" : greeting;
        listening = listening == null ? Listening.defaults() : listening;
        silentLine = silentLine == null ? SilentLine.defaults() : silentLine;
        agents = agents == null ? Agents.defaults() : agents;
        dialect = dialect == null ? Dialect.defaults() : dialect;
        Check.promptKey("greeting", greeting);
    }

    static InboundScript defaults() {
        return new InboundScript(null, null, null, null, null);
    }

    /** Every prompt key this script can play, with the config key path that names it. */
    public Stream<PromptUse> promptUses() {
        var uses = Stream.<PromptUse>builder();
        uses.add(new PromptUse("inbound.greeting", greeting));
        for (int i = 0; i < listening.reprompts().size(); i++) {
            uses.add(new PromptUse("inbound.listening.reprompts[" + i + "]", listening.reprompts().get(i)));
        }
        uses.add(new PromptUse("inbound.silent-line.goodbye", silentLine.goodbye()));
        uses.add(new PromptUse("inbound.agents.connecting", agents.connecting()));
        uses.add(new PromptUse("inbound.agents.gave-up-prompt", agents.gaveUpPrompt()));
        for (int i = 0; i < dialect.steps().size(); i++) {
            uses.add(new PromptUse("inbound.dialect.steps[" + i + "]", dialect.steps().get(i)));
        }
        uses.add(new PromptUse("inbound.dialect.yes-no-prompt", dialect.yesNoPrompt()));
        uses.add(new PromptUse("inbound.dialect.transfer-prompt", dialect.transferPrompt()));
        uses.add(new PromptUse("inbound.dialect.unavailable-prompt", dialect.unavailablePrompt()));
        return uses.build();
    }

    public record PromptUse(String keyPath, String promptKey) {}
}
