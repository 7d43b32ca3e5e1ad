package hotline.cli;

import hotline.agi.AgiServer;
import hotline.agi.CallbackDialler;
import hotline.audio.AudioSocketServer;
import hotline.config.HotlineConfig;
import hotline.journal.JournalWriter;
import hotline.flow.CallbackLimits;
import hotline.store.CallbackStore;
import hotline.store.SpoolReplayer;
import hotline.store.SpoolingCallbackBook;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the FastAGI server until SIGTERM, then drain live calls.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    /** After the drain cut the last calls: how long their threads get to write their journal lines. */
    static final Duration CUT_CALLS_WRITE = Duration.ofSeconds(5);

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        var loaded = config.load();
        if (loaded.isEmpty()) {
            return 2;
        }
        HotlineConfig cfg = loaded.get();
        var journal = new JournalWriter(cfg.journal().file());
        var store = CallbackStore.open(cfg.store(), Clock.systemUTC());
        log.info("callback store: {}", store.describe());
        Optional<AudioSocketServer> audio = Optional.empty();
        if (cfg.inbound().listening().listensToAudio()) {
            var audioServer = AudioSocketServer.of(cfg.lineQuality());
            audioServer.start();
            audio = Optional.of(audioServer);
        }
        var spooling = new SpoolingCallbackBook(store, cfg.store(), Clock.systemUTC());
        var replayer = SpoolReplayer.start(spooling, SpoolReplayer.EVERY); // at start, then every 30 s
        var book = new CallbackLimits(spooling, cfg.inbound().callbacks(), Clock.systemUTC());
        var server = new AgiServer(() -> cfg, journal, book, audio);
        final Optional<AudioSocketServer> audioToClose = audio;
        server.start();
        Optional<CallbackDialler> dialler = dialler(cfg, store);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dialler.ifPresent(CallbackDialler::close);
            server.drain(cfg.server().drainGrace());
            awaitCutCalls(server);
            audioToClose.ifPresent(AudioSocketServer::close);
            replayer.close();
            journal.close();
            store.close();
        }, "drain"));
        log.info("config {} loaded; journal at {}", config.file, cfg.journal().file());
        server.awaitStopped();
        return 0;
    }

    /** The calls the drain cut still run their last steps (hang-up, HOTLINE_OUTCOME, the journal line). */
    private static void awaitCutCalls(AgiServer server) {
        long deadline = System.nanoTime() + CUT_CALLS_WRITE.toNanos();
        while (server.liveCalls() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (server.liveCalls() > 0) log.warn("{} cut call(s) still running after {}", server.liveCalls(), CUT_CALLS_WRITE);
    }

    /** The callback dialler, started when the config enables it and names an AMI secret. */
    private static Optional<CallbackDialler> dialler(HotlineConfig cfg, CallbackStore store) {
        var settings = cfg.dialler();
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
        var dialler = CallbackDialler.overAmi(settings, store);
        dialler.start();
        return Optional.of(dialler);
    }
}
