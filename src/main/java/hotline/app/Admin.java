package hotline.app;

import hotline.agi.AgiServer;
import hotline.audio.AudioSocketServer;
import hotline.config.ScriptSource;
import hotline.config.Settings;
import hotline.ops.AdminServer;
import hotline.ops.Metrics;
import hotline.ops.Reloader;
import hotline.store.CallbackStore;
import hotline.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ops side of the assembly: the reloader, the gauges read at each scrape (live calls,
 * AudioSocket sessions, callbacks by state) and the admin endpoint when {@code server.admin-port}
 * is not 0. Built once, by {@link Hotline}.
 */
final class Admin {

    final Reloader reloader;
    final Optional<AdminServer> server;

    private Admin(Reloader reloader, Optional<AdminServer> server) {
        this.reloader = reloader;
        this.server = server;
    }

    static Admin start(Settings settings, Optional<Path> file, ScriptSource scripts, Metrics metrics, AgiServer agi,
                       Optional<AudioSocketServer> audio, Optional<CallbackStore> store, Ticker ticker)
            throws IOException {
        metrics.gauge("hotline_live_calls", "Calls in progress", agi::liveCalls);
        metrics.counter("hotline_audiosocket_sessions", "AudioSocket media sessions opened (one per stretch of "
                + "a call that listens to audio between plain AGI steps)",
                () -> audio.map(AudioSocketServer::sessionsOpened).orElse(0L));
        metrics.gauge("hotline_audiosocket_sessions_open", "AudioSocket media sessions open now",
                () -> audio.map(AudioSocketServer::openSessions).orElse(0));
        metrics.counter("hotline_audiosocket_frames_unsent", "Audio frames not sent because Asterisk had not yet "
                + "read the one before (the caller heard 20 ms of nothing; should stay 0)",
                () -> audio.map(AudioSocketServer::framesUnsent).orElse(0L));
        store.ifPresent(s -> metrics.gauge("hotline_callbacks", "Callback requests by state (read at most every "
                + "10 s)", "state", Metrics.callbackCounts(s, ticker)));
        var reloader = new Reloader(file, settings, audio.isPresent(), scripts, metrics);
        Optional<AdminServer> server = Optional.empty();
        if (settings.server().adminEnabled()) {
            server = Optional.of(AdminServer.start(settings.server().adminAddress(), settings.server().adminPort(),
                    reloader, metrics));
        }
        return new Admin(reloader, server);
    }
}
