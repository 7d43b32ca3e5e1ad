package hotline.ops;

import hotline.config.Script;
import hotline.config.ScriptFingerprint;
import hotline.config.ScriptSource;
import hotline.store.NodeVersions;
import hotline.store.NodeVersions.NodeVersion;
import hotline.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's row of the shared node_versions table current: the script version new calls
 * follow and the hash of that per-call script (equal on nodes whose files differ only in their
 * own settings: dialler.node, ports), written at start and every {@link #PUBLISH_EVERY} (so a
 * reload shows within that), and counts the distinct scripts among the nodes seen within
 * {@link #LIVE_WITHIN} for the metric {@code hotline_cluster_scripts}. When the live nodes follow different scripts it
 * warns, once per change: a node was left out of a reload (docs/operations.md#several-nodes). The
 * store failing only skips a round.
 */
public final class NodeVersionPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeVersionPublisher.class);
    static final Duration PUBLISH_EVERY = Duration.ofSeconds(10);
    /** A node not seen for this long is taken as stopped: three rounds may fail first. */
    public static final Duration LIVE_WITHIN = Duration.ofSeconds(30);
    /** A stopped node's row is deleted after this. */
    public static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final NodeVersions store;
    private final String node;
    private final String build;
    private final Supplier<ScriptSource.Snapshot> version;
    private Script hashed;
    private String scriptHash = "";
    private final Clock clock;
    private final Ticker ticker;
    private final Instant startedAt;
    private volatile int configsLive = 1;
    private volatile boolean running = true;
    private String lastSpread = "";
    private int lastConfigs = 1;
    private Thread loop;

    NodeVersionPublisher(NodeVersions store, String node, String build, Supplier<ScriptSource.Snapshot> version, Clock clock,
                         Ticker ticker) {
        this.store = store;
        this.node = node;
        this.build = build;
        this.version = version;
        this.clock = clock;
        this.ticker = ticker;
        this.startedAt = clock.instant();
    }

    /** Publishes now, then every {@link #PUBLISH_EVERY} on a thread of its own; the metric is registered on {@code metrics}. */
    public static NodeVersionPublisher start(NodeVersions store, String node, String build, Supplier<ScriptSource.Snapshot> version,
                                             Clock clock, Ticker ticker, Metrics metrics) {
        var publisher = new NodeVersionPublisher(store, node, build, version, clock, ticker);
        metrics.gauge("hotline_cluster_scripts", "Distinct call scripts among the nodes seen within 30 s "
                + "(1: every node follows one script)", () -> publisher.configsLive);
        publisher.round();
        publisher.loop = Thread.ofVirtual().name("node-versions").start(publisher::publishLoop);
        return publisher;
    }

    /** One round: this node's row written, the live nodes' configs counted. */
    void round() {
        Instant now = clock.instant();
        try {
            ScriptSource.Snapshot snapshot = version.get();
            if (snapshot.script() != hashed) { // once per reload: the script's text is long
                scriptHash = ScriptFingerprint.of(snapshot.script());
                hashed = snapshot.script();
            }
            store.publish(node, snapshot.version(), scriptHash, build, startedAt, now);
            List<NodeVersion> live = store.nodes(now.minus(FORGET_AFTER)).stream()
                    .filter(n -> n.liveAt(now, LIVE_WITHIN)).toList();
            Map<String, String> byConfig = new TreeMap<>(live.stream().collect(Collectors.groupingBy(NodeVersion::scriptHash,
                    Collectors.mapping(NodeVersion::node, Collectors.joining(", ")))));
            configsLive = Math.max(1, byConfig.size());
            String spread = byConfig.toString();
            if (byConfig.size() > 1 && !spread.equals(lastSpread)) {
                log.warn("the nodes follow {} different scripts (script hash: nodes) {}: give every node the same "
                        + "script and reload it; `hotline nodes` lists them", byConfig.size(), spread);
            } else if (byConfig.size() <= 1 && lastConfigs > 1) {
                log.info("every live node follows one script again: {}", spread);
            }
            lastSpread = spread;
            lastConfigs = byConfig.size();
        } catch (RuntimeException e) {
            log.warn("node {}: script version not published this round: {}", node, e.getMessage());
        }
    }

    int configsLive() {
        return configsLive;
    }

    private void publishLoop() {
        while (running) {
            try {
                ticker.sleep(PUBLISH_EVERY);
            } catch (InterruptedException e) {
                continue; // close() wakes the loop; running says whether to go on
            }
            if (running) round();
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
