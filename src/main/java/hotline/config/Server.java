package hotline.config;

import java.time.Duration;

/**
 * The FastAGI listener.
 *
 * @param bindAddress where to listen; 127.0.0.1 when Asterisk runs on the same host
 * @param port        FastAGI port, 4573 by convention
 * @param maxCalls    calls handled at once; beyond it a call is refused with
 *                    HOTLINE_OUTCOME=server-busy so the dialplan plays the fallback, 1..10000
 * @param drainGrace  on SIGTERM, how long live calls may run on before the process exits, 0..1h
 */
public record Server(String bindAddress, Integer port, Integer maxCalls, Duration drainGrace) {

    public Server {
        bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
        port = port == null ? 4573 : port;
        maxCalls = maxCalls == null ? 200 : maxCalls;
        drainGrace = drainGrace == null ? Duration.ofSeconds(60) : drainGrace;
        Check.that(!bindAddress.isBlank(), "bind-address: must not be empty");
        Check.that(port > 0 && port < 65536, "port: must be 1..65535, was " + port);
        Check.that(maxCalls > 0 && maxCalls <= 10_000, "max-calls: must be 1..10000, was " + maxCalls);
        Check.between("drain-grace", drainGrace, Duration.ZERO, Duration.ofHours(1));
    }

    static Server defaults() {
        return new Server(null, null, null, null);
    }
}
