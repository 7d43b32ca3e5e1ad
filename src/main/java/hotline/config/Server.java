package hotline.config;

import java.time.Duration;

/**
 * The FastAGI listener and the admin endpoint beside it.
 *
 * @param bindAddress   where to listen; 127.0.0.1 when Asterisk runs on the same host
 * @param port          FastAGI port, 4573 by convention
 * @param maxCalls      calls handled at once; beyond it a call is refused with
 *                      HOTLINE_OUTCOME=server-busy so the dialplan plays the fallback, 1..100000
 * @param drainGrace    on SIGTERM, how long live calls may run on before the process exits, 0..1h
 * @param headerTimeout how long a connection may take to send its whole AGI request header;
 *                      after it the request is refused as failed:bad-request, 100ms..60s
 * @param adminAddress  where the admin HTTP endpoint ({@code POST /reload}, {@code GET /metrics})
 *                      listens, default 127.0.0.1 (it reloads the script: keep it off the network)
 * @param adminPort     its port, default 4580; 0 switches it off, 0..65535
 */
public record Server(String bindAddress, Integer port, Integer maxCalls, Duration drainGrace,
                     Duration headerTimeout, String adminAddress, Integer adminPort) {

    /** Asterisk writes the header in one go, in well under a millisecond on loopback. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(3);
    public static final String DEFAULT_ADMIN_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_ADMIN_PORT = 4580;
    /**
     * The most live calls the real stack held on 2 cores with every call as scripted, caller's
     * audio analysed (400/400, windows p99 5027 ms; at 600 the windows kept time but prompts ran
     * 1.7 s late in sum): docs/performance.md#sizing-a-cluster. Size up with the cores.
     */
    public static final int DEFAULT_MAX_CALLS = 600;

    public Server {
        bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
        port = port == null ? 4573 : port;
        maxCalls = maxCalls == null ? DEFAULT_MAX_CALLS : maxCalls;
        drainGrace = drainGrace == null ? Duration.ofSeconds(60) : drainGrace;
        headerTimeout = headerTimeout == null ? DEFAULT_HEADER_TIMEOUT : headerTimeout;
        adminAddress = adminAddress == null ? DEFAULT_ADMIN_ADDRESS : adminAddress;
        adminPort = adminPort == null ? DEFAULT_ADMIN_PORT : adminPort;
        var check = new Check();
        check.that("bind-address", !bindAddress.isBlank(), "must not be empty");
        check.that("port", port > 0 && port < 65536, "must be 1..65535, was " + port);
        check.that("max-calls", maxCalls > 0 && maxCalls <= 100_000, "must be 1..100000, was " + maxCalls);
        check.between("drain-grace", drainGrace, Duration.ZERO, Duration.ofHours(1));
        check.between("header-timeout", headerTimeout, Duration.ofMillis(100), Duration.ofSeconds(60));
        check.that("admin-address", !adminAddress.isBlank(), "must not be empty");
        check.that("admin-port", adminPort >= 0 && adminPort < 65536, "must be 0 (off) or 1..65535, was " + adminPort);
        check.that("admin-port", adminPort == 0 || !adminPort.equals(port), adminPort + " is also server.port");
        check.done();
    }

    /** With the default header timeout and no admin endpoint (tests that run several servers at once). */
    public Server(String bindAddress, Integer port, Integer maxCalls, Duration drainGrace) {
        this(bindAddress, port, maxCalls, drainGrace, null);
    }

    /** No admin endpoint (tests that run several servers at once). */
    public Server(String bindAddress, Integer port, Integer maxCalls, Duration drainGrace, Duration headerTimeout) {
        this(bindAddress, port, maxCalls, drainGrace, headerTimeout, null, 0);
    }

    public Server withHeaderTimeout(Duration timeout) {
        return new Server(bindAddress, port, maxCalls, drainGrace, timeout, adminAddress, adminPort);
    }

    /** The same listener with the admin endpoint on {@code newAdminPort} (0: off). */
    public Server withAdminPort(int newAdminPort) {
        return new Server(bindAddress, port, maxCalls, drainGrace, headerTimeout, adminAddress, newAdminPort);
    }

    /** An admin endpoint is configured. */
    public boolean adminEnabled() {
        return adminPort != 0;
    }

    static Server defaults() {
        return new Server(null, null, null, null, null, null, null);
    }
}
