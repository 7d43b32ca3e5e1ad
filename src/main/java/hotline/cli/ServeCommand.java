package hotline.cli;

import hotline.app.Hotline;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the FastAGI server until SIGTERM (or SIGINT), then drain live calls and exit 0.")
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
        var cfg = loaded.get();
        var hotline = Hotline.of(cfg).start();
        var signals = StopSignals.install(hotline::close);
        log.info("config {} loaded; journal at {}", config.file, cfg.journal().file());
        hotline.awaitStopped();   // the drain closed the listening socket ...
        signals.awaitDrained();   // ... and every live call finished or was cut: exit 0
        log.info("stopped");
        return 0;
    }
}
