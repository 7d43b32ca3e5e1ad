package hotline.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The hotline's Prometheus metrics (docs/operations.md#metrics), in a registry of its own so
 * that several hotlines in one JVM (tests) never share counts. Every label is bounded: outcome
 * classes, known step names, verdicts, queue names and results as codes, at most a few dozen each.
 */
public final class Metrics {

    /** Step names the flows record besides prompt keys (journal.JournalingLine, JournalingSwitch). */
    static final Set<String> FIXED_STEPS = Set.of("answer", "language", "listen", "pause", "hangup", "queue",
            "queue-members", "tell-agents", "wait-for-key", "say-digits");
    static final double[] QUEUE_WAIT_BOUNDS = {5, 15, 30, 60, 120, 300, 600, 1800, 3600};

    final PrometheusRegistry registry = new PrometheusRegistry();
    private final Set<String> knownSteps = ConcurrentHashMap.newKeySet();
    private final BoundedLabel outcomes = new BoundedLabel(30);
    private final BoundedLabel queues = new BoundedLabel(20);
    private final BoundedLabel results = new BoundedLabel(30);
    private final Counter calls = Counter.builder().name("hotline_calls")
            .help("Calls ended, by outcome class (HOTLINE_OUTCOME before the ':')").labelNames("outcome").register(registry);
    private final Counter steps = Counter.builder().name("hotline_steps_reached")
            .help("Calls that reached each step (the funnel), counted once per call when it ends").labelNames("step")
            .register(registry);
    private final Counter verdicts = Counter.builder().name("hotline_listening_verdicts")
            .help("Listening windows by what was heard").labelNames("verdict").register(registry);
    private final Counter bargeIns = Counter.builder().name("hotline_barge_ins")
            .help("Prompts a caller's voice stopped").register(registry);
    private final Histogram queueWaits = Histogram.builder().name("hotline_queue_wait_seconds")
            .help("Time in a queue until it ended (answered, abandoned, not answered)").labelNames("queue", "end")
            .classicOnly().classicUpperBounds(QUEUE_WAIT_BOUNDS).register(registry);
    private final Counter attempts = Counter.builder().name("hotline_dialler_attempts")
            .help("Callback calls placed by the dialler, by result").labelNames("result").register(registry);
    private final Counter sharedFallbacks = Counter.builder().name("hotline_shared_state_fallbacks")
            .help("Store failures where a node used its own guess of state shared by the nodes (places in line)")
            .labelNames("what").register(registry);
    private final Counter reloads = Counter.builder().name("hotline_reloads")
            .help("Reloads of the config file, by result (swapped, refused)").labelNames("result").register(registry);
    private final Info script = Info.builder().name("hotline_script")
            .help("The script new calls follow: its version (<n>-<hash of the file>)").labelNames("version")
            .register(registry);

    public Metrics() {
        FIXED_STEPS.forEach(knownSteps::add);
        reloads.initLabelValues("swapped");
        reloads.initLabelValues("refused");
    }

    /** The scrape as GET /metrics answers it (Prometheus text format), for logs and tests. */
    public String text() {
        var out = new java.io.ByteArrayOutputStream();
        try {
            io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Prompt keys are step names too: only these (and the fixed ones) get a label of their own. */
    public void knowSteps(Collection<String> promptKeys) {
        knownSteps.addAll(promptKeys);
    }

    void callEnded(String outcomeCode) {
        int colon = outcomeCode.indexOf(':');
        calls.labelValues(outcomes.of(colon < 0 ? outcomeCode : outcomeCode.substring(0, colon))).inc();
    }

    void stepReached(String step) {
        steps.labelValues(knownSteps.contains(step) ? step : BoundedLabel.OTHER).inc();
    }

    void heard(String verdict) {
        verdicts.labelValues(verdict).inc();
    }

    void bargedIn() {
        bargeIns.inc();
    }

    void queueWait(String queue, String end, Duration waited) {
        queueWaits.labelValues(queues.of(queue), results.of(end)).observe(waited.toMillis() / 1000.0);
    }

    /** The dialler's result of one callback call ({@code reached}, {@code no-answer}, …). */
    public void dialAttempt(String result) {
        attempts.labelValues(results.of(result)).inc();
    }

    /** State shared by several nodes could not be reached; the node's own guess served ({@code place}, {@code renew}, …). */
    public void sharedStateFallback(String what) {
        sharedFallbacks.labelValues(results.of(what)).inc();
    }

    public void reloaded(boolean swapped) {
        reloads.labelValues(swapped ? "swapped" : "refused").inc();
    }

    public void scriptVersion(String version) {
        script.setLabelValues(version);
    }

    /** A gauge read at each scrape (live calls, AudioSocket sessions open). */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    /** A counter kept elsewhere, read at each scrape (AudioSocket sessions opened since the start). */
    public void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }

    /** Callbacks by state from {@code store}, for {@link #gauge(String, String, String, Supplier)}. */
    public static Supplier<Map<String, Long>> callbackCounts(hotline.store.CallbackStore store, hotline.time.Ticker ticker) {
        return new CallbackCounts(store, ticker)::get;
    }

    /** Counts each call from its journal record ({@link hotline.journal.JournalWriter#addRecordListener}). */
    public java.util.function.Consumer<hotline.journal.CallRecord> calls(java.time.Clock clock) {
        return new CallMetrics(this, clock);
    }

    /** A gauge with one label, its values read at each scrape (callbacks by state). */
    public void gauge(String name, String help, String label, Supplier<Map<String, Long>> values) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(cb -> values.get().forEach((v, n) -> cb.call(n, v))).register(registry);
    }
}
