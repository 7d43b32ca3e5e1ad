package hotline.config;

import java.util.stream.Stream;

/** The whole of hotline.yaml, bound and validated; immutable, so a call can keep a snapshot. */
public record HotlineConfig(Server server, Sounds sounds, Languages languages, Journal journal,
                            InboundScript inbound) {

    public HotlineConfig {
        server = server == null ? Server.defaults() : server;
        sounds = sounds == null ? Sounds.defaults() : sounds;
        languages = languages == null ? Languages.defaults() : languages;
        journal = journal == null ? Journal.defaults() : journal;
        inbound = inbound == null ? InboundScript.defaults() : inbound;
    }

    public static HotlineConfig defaults() {
        return new HotlineConfig(null, null, null, null, null);
    }

    public HotlineConfig withServer(Server newServer) {
        return new HotlineConfig(newServer, sounds, languages, journal, inbound);
    }

    /** Every prompt any script can play, with the key path that names it. */
    public Stream<InboundScript.PromptUse> promptUses() {
        var menu = Stream.of(
                new InboundScript.PromptUse("languages.option-prompt", languages.optionPrompt()),
                new InboundScript.PromptUse("languages.dialect-prompt", languages.dialectPrompt()));
        return Stream.concat(inbound.promptUses(), menu);
    }
}
