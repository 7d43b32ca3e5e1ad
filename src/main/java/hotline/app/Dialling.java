package hotline.app;

import hotline.agi.CallbackDialler;
import hotline.config.Dialler;
import hotline.store.CallbackStore;
import hotline.time.Ticker;
import java.time.Clock;
import hotline.config.InboundScript.CallbackLine;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The callback dialler, started when the config enables it and names an AMI secret. */
final class Dialling {

    private static final Logger log = LoggerFactory.getLogger(Dialling.class);

    private Dialling() {}

    /** @param lines the queues to serve, asked every round: the current script's (a reload may add one) */
    static Optional<CallbackDialler> start(Dialler settings, Supplier<List<CallbackLine>> lines, CallbackStore store,
                                           Clock clock, Ticker ticker, Consumer<String> onAttempt) {
        if (!settings.enabled()) {
            log.info("callback dialler disabled (dialler.enabled: false): callbacks are not placed back");
            return Optional.empty();
        }
        if (settings.amiSecret().isEmpty()) {
            log.warn("dialler.ami-secret is empty: callbacks are not placed back (set it, or dialler.enabled: false)");
            return Optional.empty();
        }
        if (settings.secretIsPublished()) {
            log.error("dialler.ami-secret is a secret published with hotline-ivr (lab only): anyone can log in to "
                    + "this Asterisk's AMI with it. Set your own in manager.conf and here (`check` refuses it)");
        }
        var dialler = CallbackDialler.overAmi(settings, lines, store, clock, ticker);
        dialler.onAttempt(onAttempt);
        dialler.start();
        return Optional.of(dialler);
    }
}
