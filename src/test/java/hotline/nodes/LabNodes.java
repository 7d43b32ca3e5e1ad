package hotline.nodes;

import static org.assertj.core.api.Assertions.fail;

import hotline.config.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Two lab server nodes on the lab's PostgreSQL ({@code bash src/test/lab/postgres.sh start},
 * HOTLINE_PG_URL / HOTLINE_PG_USER / HOTLINE_PG_PASSWORD): their config files, their journals and
 * logs, and what the shared tables say. Unreachable fails the test; it never skips. The run works in
 * a schema of its own, dropped at the end.
 */
final class LabNodes implements AutoCloseable {

    static final String URL = env("HOTLINE_PG_URL", "jdbc:postgresql://127.0.0.1:5433/hotline_test");
    static final String USER = env("HOTLINE_PG_USER", "postgres");
    static final String PASSWORD = env("HOTLINE_PG_PASSWORD", "");
    /** store.claim-timeout of both nodes: above ring-for (20 s) + 30 s, as `check` wants. */
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(1);
    private static final Pattern PLACING = Pattern.compile("callback (\\d+) \\(hotline, attempt (\\d+)\\): placing "
            + "Local/(\\d+)@callback-robots");

    final Path dir;
    private final String schema = "nodes_" + ProcessHandle.current().pid() + "_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    LabNodes() throws IOException {
        dir = Files.createTempDirectory("hotline-two-nodes");
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
    }

    String storeUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    Store store() {
        return new Store(storeUrl(), USER, PASSWORD, 2, null, LEASE, null);
    }

    /** A real server's config: FastAGI on {@code port}, AudioSocket on port + 100, the dialler as {@code node}. */
    Path config(String node, int port) {
        return config(node, port, "  agents: {patience-every: 10s, callback-offer-after: 10s, max-wait: 40s}\n");
    }

    /** The same with the inbound section's lines ({@code inbound}, indented two spaces) a test sets. */
    Path config(String node, int port, String inbound) {
        String yaml = """
                server: {port: %d, admin-port: 0}
                journal: {file: %s}
                store: {jdbc-url: "%s", user: "%s", password: "%s", max-attempts: 2, retry-after: 1m, claim-timeout: 1m, spool: %s}
                line-quality: {port: %d}
                dialler: {enabled: true, ami-user: hotline, ami-secret: hotline-dialler-lab-secret, node: %s, dial: "Local/{number}@callback-robots", poll-every: 500ms, ring-for: 20s, queue-timeout: 60s}
                languages: {offered: [en, es, zh, ko, yue]}
                inbound:
                %s""".formatted(port, journal(node), storeUrl(), USER, PASSWORD, dir.resolve(node + "-spool.jsonl"),
                port + 100, node, inbound);
        try {
            return Files.writeString(dir.resolve(node + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path journal(String node) {
        return dir.resolve(node + "-journal.jsonl");
    }

    Path log(String node) {
        return dir.resolve(node + ".log");
    }

    /** The channel variable HOTLINE_NODES for these FastAGI ports, as [globals] writes it. */
    static String nodesVariable(int... ports) {
        return java.util.Arrays.stream(ports).mapToObj(p -> "agi://127.0.0.1:" + p + "/hotline")
                .collect(Collectors.joining("|"));
    }

    /** The node's journal lines (one per call it ended). */
    List<String> journalLines(String node) {
        try {
            return Files.exists(journal(node)) ? Files.readAllLines(journal(node)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> field(String journalLine, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(journalLine);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Number called back → how many times this node placed it (its log's "placing" lines). */
    Map<String, Integer> placedBy(String node) {
        var placed = new TreeMap<String, Integer>();
        try {
            Matcher m = PLACING.matcher(Files.exists(log(node)) ? Files.readString(log(node)) : "");
            while (m.find()) placed.merge(m.group(3), 1, Integer::sum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return placed;
    }

    /** The node holding a DIALLING callback ({@code claimed_by} before the '/'), if it is DIALLING. */
    Optional<String> dialling(long id) {
        var rows = query("SELECT claimed_by FROM " + schema + ".callbacks WHERE id = " + id + " AND state = 'DIALLING'");
        return rows.isEmpty() || rows.getFirst() == null ? Optional.empty() : Optional.of(rows.getFirst().split("/")[0]);
    }

    /** Node → callers holding a place in some queue (queue_arrivals rows). */
    Map<String, Integer> placesInLine() {
        var byNode = new TreeMap<String, Integer>();
        query("SELECT node FROM " + schema + ".queue_arrivals").forEach(n -> byNode.merge(n, 1, Integer::sum));
        return byNode;
    }

    /** The keys the per-caller callback limit counted (callback_requests rows), with how many requests each. */
    Map<String, Integer> requestsCounted() {
        var byKey = new TreeMap<String, Integer>();
        query("SELECT count_key FROM " + schema + ".callback_requests").forEach(k -> byKey.merge(k, 1, Integer::sum));
        return byKey;
    }

    private List<String> query(String select) {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement();
             var rs = st.executeQuery(select)) {
            var values = new ArrayList<String>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        } catch (SQLException e) {
            throw new AssertionError(select + ": " + e.getMessage(), e);
        }
    }

    private void sql(String... statements) {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            for (String statement : statements) st.execute(statement);
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). Start it with: bash src/test/lab/postgres.sh start");
        }
    }

    @Override
    public void close() {
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
