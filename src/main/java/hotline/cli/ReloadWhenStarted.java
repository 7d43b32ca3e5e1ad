package hotline.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGHUP runs. The server logs "FastAGI listening" before its admin endpoint and dialler are
 * up, so a reload ops (or systemd) send just after the start can arrive before the server is
 * there to take it: it is kept and carried out once the server has started, never dropped.
 */
final class ReloadWhenStarted implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReloadWhenStarted.class);

    private Runnable running;
    private boolean asked;

    @Override
    public void run() {
        Runnable reload;
        synchronized (this) {
            reload = running;
            if (reload == null) {
                asked = true;
                log.info("SIGHUP while the server is starting: it reloads once started");
                return;
            }
        }
        reload.run();
    }

    /** The server is up ({@code reload} reloads it): a reload asked for while it started runs now. */
    void started(Runnable reload) {
        boolean reloadNow;
        synchronized (this) {
            running = reload;
            reloadNow = asked;
            asked = false;
        }
        if (reloadNow) reload.run();
    }
}
