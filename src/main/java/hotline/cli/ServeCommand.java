package hotline.cli;

import hotline.agi.AgiServer;
import hotline.agi.CallbackDialler;
import hotline.audio.AudioSocketServer;
import hotline.config.HotlineConfig;
import hotline.journal.JournalWriter;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import java.time.Clock;
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
        var server = new AgiServer(() -> cfg, journal, new StoreCallbackBook(store), audio);
        final Optional<AudioSocketServer> audioToClose = audio;
        server.start();
        Optional<CallbackDialler> dialler = dialler(cfg, store);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dialler.ifPresent(CallbackDialler::close);
            server.drain(cfg.server().drainGrace());
            audioToClose.ifPresent(AudioSocketServer::close);
            journal.close();
            store.close();
        }, "drain"));
        log.info("config {} loaded; journal at {}", config.file, cfg.journal().file());
        server.awaitStopped();
        return 0;
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
        var dialler = CallbackDialler.overAmi(settings, store);
        dialler.start();
        return Optional.of(dialler);
    }
}
