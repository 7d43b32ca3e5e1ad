package hotline.cli;

import hotline.app.Hotline;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the FastAGI server until SIGTERM (or SIGINT), then drain live calls and exit 0. "
                + "SIGHUP (or `hotline reload`) reloads the script from the config file.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        var read = config.read();
        if (read.isEmpty()) {
            return 2;
        }
        var cfg = read.get().config();
        var reload = new ReloadWhenStarted();
        ReloadSignal.install(reload); // before the start, so an early SIGHUP never kills the process
        var hotline = Hotline.of(cfg).reloadsFrom(config.file, read.get().hash()).start();
        reload.started(hotline::reload);
        var signals = StopSignals.install(hotline::close);
        log.info("config {} loaded (script version {}); journal at {}", config.file,
                hotline.scripts().snapshot().version(), cfg.journal().file());
        hotline.awaitStopped();   // the drain closed the listening socket ...
        signals.awaitDrained();   // ... and every live call finished or was cut: exit 0
        log.info("stopped");
        return 0;
    }
}
