package hotline.store;

import hotline.config.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Not a test: how long {@link CallbackStore#save} takes on SQLite (WAL, synchronous=FULL) and
 * on PostgreSQL, one after the other in one run, then a claim + recordAttempt cycle. Run with
 * {@code bash src/test/lab/bench-store.sh [saves]}. PostgreSQL from HOTLINE_PG_URL / HOTLINE_PG_USER
 * (src/test/lab/postgres.sh), in a schema of its own that is dropped at the end.
 */
public final class SaveLatencyBenchmark {

    private static final int WARM_UP = 50;

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench"));
        Path db = dir.resolve("bench.db");
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        String pgUrl = env("HOTLINE_PG_URL", "jdbc:postgresql://127.0.0.1:5433/hotline_test");
        String pgUser = env("HOTLINE_PG_USER", "postgres");
        String schema = "bench_" + ProcessHandle.current().pid();
        sql(pgUrl, pgUser, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);

        System.out.printf("callback store save latency, %d saves each after %d warm-up saves, one thread%n",
                saves, WARM_UP);
        System.out.printf("%-46s %8s %8s %8s %8s %8s %9s%n", "store", "min", "median", "p95", "p99", "max", "saves/s");
        run("sqlite " + db + " (WAL, synchronous=FULL)", Store.at("jdbc:sqlite:" + db), saves);
        try {
            run("postgresql " + pgUrl.replaceFirst("jdbc:postgresql:", ""), new Store(pgUrl + (pgUrl.contains("?")
                    ? "&" : "?") + "currentSchema=" + schema, pgUser, null, null, null, null, null), saves);
        } finally {
            sql(pgUrl, pgUser, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        long[] connect = new long[50];
        for (int i = 0; i < connect.length; i++) {
            long t0 = System.nanoTime();
            DriverManager.getConnection(pgUrl, pgUser, "").close();
            connect[i] = System.nanoTime() - t0;
        }
        print("postgresql: a new connection, unpooled", connect, Double.NaN);
        System.out.println("(milliseconds; claim = nextInLine + claim + recordAttempt(NotReached); "
                + "the store pools its connections, HikariCP)");
    }

    private static void run(String name, Store config, int saves) {
        try (CallbackStore store = CallbackStore.open(config, Clock.systemUTC())) {
            run(name, store, saves);
        }
    }

    private static void run(String name, CallbackStore store, int saves) {
        var request = new NewCallback(CallbackNumber.of("0612345678"), "en", "simple", CallbackQueue.of("hotline"),
                Optional.empty(), CallerDetails.of("0612345678", Duration.ofMinutes(3)));
        for (int i = 0; i < WARM_UP; i++) store.save(request);
        long[] save = new long[saves];
        long started = System.nanoTime();
        for (int i = 0; i < saves; i++) {
            long t0 = System.nanoTime();
            store.save(request);
            save[i] = System.nanoTime() - t0;
        }
        double perSecond = saves / ((System.nanoTime() - started) / 1e9);
        print(name + ": save", save, perSecond);

        int cycles = Math.min(saves, 200);
        long[] claim = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            long t0 = System.nanoTime();
            long id = store.nextInLine(CallbackQueue.of("hotline")).orElseThrow().id();
            store.claim(id).orElseThrow();
            store.recordAttempt(id, new AttemptResult.NotReached("no-answer"));
            claim[i] = System.nanoTime() - t0;
        }
        print(name.replaceFirst(" .*", "") + ": claim", claim, Double.NaN);
    }

    private static void sql(String url, String user, String... statements) throws SQLException {
        try (var c = DriverManager.getConnection(url, user, ""); var st = c.createStatement()) {
            for (String statement : statements) st.execute(statement);
        }
    }

    private static void print(String name, long[] nanos, double perSecond) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        var cells = new ArrayList<String>();
        for (double q : new double[] {0, 0.5, 0.95, 0.99, 1}) {
            cells.add(String.format("%8.2f", sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6));
        }
        System.out.printf("%-46s %s %9s%n", name.length() > 46 ? "…" + name.substring(name.length() - 45) : name,
                String.join(" ", cells), Double.isNaN(perSecond) ? "" : String.format("%.0f", perSecond));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
