package hotline.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP reloads the script from the config file ({@code kill -HUP <pid>}, {@code systemctl
 * reload}), on a thread of its own so the signal handler returns at once; the result is logged
 * (a refused file: each problem, and the version that stays). {@code sun.misc.Signal} as in
 * {@link StopSignals}.
 */
final class ReloadSignal {

    private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {}

    static void install(Runnable reload) {
        Signal.handle(new Signal("HUP"), s -> {
            log.info("SIGHUP: reloading the config file");
            Thread.ofVirtual().name("reload-on-sighup").start(() -> {
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    log.error("reload on SIGHUP failed", e);
                }
            });
        });
    }
}
