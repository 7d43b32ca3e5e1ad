package hotline.lab;

import hotline.app.Hotline;
import hotline.config.HotlineConfig;
import hotline.config.Journal;
import hotline.config.LineQuality;
import hotline.config.Server;
import hotline.flow.CallbackBook;
import hotline.flow.CallerHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hotline as `serve` assembles it ({@link Hotline}) — FastAGI server, AudioSocket server,
 * journal — on test ports, so that integration tests do not collide with a hand-run server;
 * callbacks go to the test's book (no store, spool, limits nor dialler).
 */
public final class LabHotline implements AutoCloseable {

    public final List<String> journal = new CopyOnWriteArrayList<>();
    private final Hotline hotline;
    private final int agiPort;

    public LabHotline(HotlineConfig base, int agiPort, CallbackBook book) {
        this(base, agiPort, book, CallerHistory.NONE);
    }

    /** As above, callers looked up in {@code callers} (the block list, repeat callers, abuse reports). */
    public LabHotline(HotlineConfig base, int agiPort, CallbackBook book, CallerHistory callers) {
        this.agiPort = agiPort;
        LineQuality q = base.lineQuality();
        var quality = new LineQuality(q.bindAddress(), agiPort + 100, q.window(), q.confirmVoiceAfter(),
                q.voiceOverNoise(), q.quietBelow(), q.silenceBelow());
        HotlineConfig config = new HotlineConfig(new Server("127.0.0.1", agiPort, 50, Duration.ofSeconds(5)),
                base.sounds(), base.languages(), new Journal(Path.of("target/it-journal-" + agiPort + ".jsonl")),
                base.store(), quality, base.inbound(), base.dialler(), base.agentScripts(), base.callers(), base.hours());
        try {
            hotline = Hotline.of(config).callbacks(book).callers(callers).withAudioServer().start();
            hotline.journal().addListener(journal::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    /**
     * The config without the language menu and the dialect option, so the greeting is
     * short and its length known (tests of what follows the greeting).
     */
    public static HotlineConfig withoutMenu(HotlineConfig config) {
        var l = config.languages();
        return config.withLanguages(new hotline.config.Languages(l.offered(), l.fallback(), l.byNumber(), Map.of(),
                l.optionPrompt(), "", l.dialectPrompt(), "", ""));
    }

    /** Originate variables that send a robot call to this server. */
    /** The port of this hotline's FastAGI server (SIPp robots name it in X-Agi-Port). */
    public int agiPort() {
        return agiPort;
    }

    public Map<String, String> via() {
        return Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + agiPort + "/hotline");
    }

    /** The journal line of a call, waiting a moment: the AMI event can overtake it. */
    public String journalFor(String channel) {
        return journalLine(channel, line -> true);
    }

    /** A journal line of the call on {@code channel} that {@code matches}, waiting a moment as {@link #journalFor} does. */
    public String journalLine(String channel, java.util.function.Predicate<String> matches) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            var line = journal.stream().filter(l -> l.contains("\"channel\":\"" + channel + "\"")).filter(matches)
                    .findFirst();
            if (line.isPresent()) return line.get();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no such journal line for " + channel + " in " + journal);
    }

    /** The server's metrics as GET /metrics would answer (Prometheus text), e.g. hotline_live_calls. */
    public String scrape() {
        return hotline.metrics().text();
    }

    /** One sample of {@link #scrape()}, e.g. {@code hotline_calls_total{outcome="queued"}}; 0 while it has none. */
    public double sample(String nameAndLabels) {
        return scrape().lines().filter(l -> l.startsWith(nameAndLabels + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(nameAndLabels.length() + 1).trim())).orElse(0.0);
    }

    /** Waits up to {@code within} for {@link #sample} to read {@code value}; returns how long it took. */
    public Duration awaitSample(String nameAndLabels, double value, Duration within) {
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        while (sample(nameAndLabels) != value) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(nameAndLabels + " is not " + value + " after " + within + ":\n" + scrape());
            }
            Lab.pause(20);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        hotline.stop(Duration.ZERO);
    }
}
