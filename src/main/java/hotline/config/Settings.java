package hotline.config;

/**
 * The restart-only part of hotline.yaml: what the server binds, opens and connects to at start.
 * A change here takes effect at the next start (a reload of the script leaves these as they were).
 *
 * @param server      the FastAGI listener, its limits and drain ({@code server:})
 * @param journal     the journal file ({@code journal:})
 * @param store       the callback store, its spool and retries ({@code store:}; its
 *                    {@code promise} map is per call, {@link Script#promises()})
 * @param lineQuality the AudioSocket server's {@code bind-address} and {@code port}
 *                    ({@code line-quality:}; its thresholds are per call, {@link Script})
 * @param dialler     the callback dialler and its AMI login ({@code dialler:})
 */
public record Settings(Server server, Journal journal, Store store, LineQuality lineQuality, Dialler dialler) {}
