package hotline.config;

/** The whole of hotline.yaml, bound and validated; immutable, so a call can keep a snapshot. */
public record HotlineConfig(Server server, Sounds sounds, Journal journal, InboundScript inbound) {

    public HotlineConfig {
        server = server == null ? Server.defaults() : server;
        sounds = sounds == null ? Sounds.defaults() : sounds;
        journal = journal == null ? Journal.defaults() : journal;
        inbound = inbound == null ? InboundScript.defaults() : inbound;
    }

    public static HotlineConfig defaults() {
        return new HotlineConfig(null, null, null, null);
    }
}
