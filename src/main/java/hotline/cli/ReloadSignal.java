package hotline.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP reloads the script from the config file ({@code kill -HUP <pid>}, {@code systemctl
 * reload}), on a thread of its own so the signal handler returns at once; the result is logged
 * (a refused file: each problem, and the version that stays). {@code sun.misc.Signal} as in
 * {@link StopSignals}.
 *
 * <p>A process started with SIGHUP ignored ({@code nohup}, some supervisors) keeps it ignored:
 * the JVM then installs no handler and says so only by returning SIG_IGN, so every SIGHUP would
 * vanish without a trace. That is logged once at the start, naming the way that still works.
 */
final class ReloadSignal {

    private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {}

    /** Installs the handler; false (and a warning) when SIGHUP is ignored in this process. */
    static boolean install(Runnable reload) {
        SignalHandler before = Signal.handle(new Signal("HUP"), s -> {
            log.info("SIGHUP: reloading the config file");
            Thread.ofVirtual().name("reload-on-sighup").start(() -> {
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    log.error("reload on SIGHUP failed", e);
                }
            });
        });
        if (before == SignalHandler.SIG_IGN) {
            log.warn("SIGHUP is ignored in this process (started under nohup, or by a supervisor that "
                    + "ignores it): a SIGHUP will not reload; use `hotline reload` or POST /reload, "
                    + "or start the server with SIGHUP at its default (systemd does)");
            return false;
        }
        return true;
    }
}
