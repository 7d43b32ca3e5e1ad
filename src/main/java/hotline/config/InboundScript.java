package hotline.config;

import java.util.stream.Stream;

/** The inbound call script: {@code inbound:} in hotline.yaml. */
public record InboundScript(Listening listening, SilentLine silentLine, Agents agents) {

    public InboundScript {
        listening = listening == null ? Listening.defaults() : listening;
        silentLine = silentLine == null ? SilentLine.defaults() : silentLine;
        agents = agents == null ? Agents.defaults() : agents;
    }

    static InboundScript defaults() {
        return new InboundScript(null, null, null);
    }

    /** Every prompt key this script can play, with the config key path that names it. */
    public Stream<PromptUse> promptUses() {
        var uses = Stream.<PromptUse>builder();
        for (int i = 0; i < listening.prompts().size(); i++) {
            uses.add(new PromptUse("inbound.listening.prompts[" + i + "]", listening.prompts().get(i)));
        }
        uses.add(new PromptUse("inbound.silent-line.goodbye", silentLine.goodbye()));
        uses.add(new PromptUse("inbound.agents.connecting", agents.connecting()));
        uses.add(new PromptUse("inbound.agents.gave-up-prompt", agents.gaveUpPrompt()));
        return uses.build();
    }

    public record PromptUse(String keyPath, String promptKey) {}
}
