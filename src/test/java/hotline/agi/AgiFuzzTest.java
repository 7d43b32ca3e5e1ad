package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Seeded random mutations of a recorded session (header and replies) against the real
 * server. The CI run is {@value #CI_SESSIONS} sessions; the full run is
 * {@code mvn -B test -Dtest=AgiFuzzTest -Dfuzz.sessions=100000} (seed: -Dfuzz.seed=...).
 * It must end with no uncaught exception, no hung session or connection, no descriptor
 * leaked, and every refused session seeing exactly the bad-request outcome.
 */
class AgiFuzzTest {

    static final int CI_SESSIONS = 10_000;
    private static final int IN_FLIGHT = 32;
    private static final List<String> REFUSED_ONLY = List.of("SET VARIABLE \"HOTLINE_OUTCOME\" \"failed:bad-request\"");

    @TempDir
    Path tmp;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    @Test
    void mutatedHeadersAndRepliesNeverCrashHangOrLeakAndRefusedOnesOnlyGetTheOutcome() throws Exception {
        int sessions = Integer.getInteger("fuzz.sessions", CI_SESSIONS);
        long seed = Long.getLong("fuzz.seed", 20261201L);
        var previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Map<String, Level> levels = quietLogs();
        try (var hotline = new RunningHotline(tmp, 200, Duration.ofMillis(300))) {
            byte[] recorded = new FakeAsterisk("hotline", "PJSIP/trunk-00000001").headerBytes();
            session(hotline.port, recorded, FakeAsterisk::silentCaller); // warm-up: the baseline includes the store and journal
            long fdsBefore = openDescriptors();
            long started = System.nanoTime();

            var slots = new Semaphore(IN_FLIGHT);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < sessions; i++) {
                    var random = new Random(seed + i);
                    int number = i;
                    slots.acquire();
                    pool.submit(() -> {
                        try {
                            // three sessions in ten keep the recorded header, so the replies get fuzzed past it
                            byte[] header = random.nextInt(10) < 3 ? recorded : FuzzMutations.header(recorded, random);
                            check(number, session(hotline.port, header, FuzzMutations.replies(random)));
                        } catch (Throwable e) {
                            violations.add("session " + number + ": " + e);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            awaitIdle(hotline.server);
            long fdsAfter = awaitDescriptorsBackTo(fdsBefore);
            System.out.printf("fuzz: seed %d, %d sessions, %d refused, %d accepted, %.1f s, descriptors %d before / %d after, "
                            + "%d journal lines, outcomes %s%n", seed, sessions, refused.get(), accepted.get(), seconds,
                    fdsBefore, fdsAfter, hotline.journalLines.size(), outcomes(hotline.journalLines));
            assertThat(violations).isEmpty();
            assertThat(uncaught).isEmpty();
            assertThat(refused.get() + accepted.get()).isEqualTo(sessions);
            assertThat(refused.get()).isPositive();
            assertThat(accepted.get()).isPositive();
            assertThat(hotline.server.liveCalls()).isZero();
            assertThat(hotline.server.connectionsInHeader()).isZero();
            assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
            levels.forEach((name, level) -> logger(name).setLevel(level));
        }
    }

    private void check(int number, List<String> commands) {
        if (!commands.isEmpty() && commands.getFirst().equals(REFUSED_ONLY.getFirst())) {
            refused.incrementAndGet();
            if (!commands.equals(REFUSED_ONLY)) violations.add("session " + number + " refused, then sent " + commands);
            return;
        }
        accepted.incrementAndGet();
        for (String c : commands) {
            if (FuzzMutations.KNOWN_VERBS.stream().noneMatch(c::startsWith) || c.chars().anyMatch(Character::isISOControl)) {
                violations.add("session " + number + ": foreign command " + AgiText.clean(c, 80));
            }
        }
    }

    /** Plays Asterisk's side: the header as bytes, then a reply per command; a null reply closes. */
    private static List<String> session(int port, byte[] header, Function<String, String> replies) throws IOException {
        List<String> commands = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000); // a hung server fails the session instead of hanging the run
            OutputStream out = s.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            try {
                out.write(header);
                if (!endsWithBlankLine(header)) s.shutdownOutput(); // a cut header: Asterisk went away
                for (String command; (command = in.readLine()) != null; ) {
                    commands.add(command);
                    String reply = replies.apply(command);
                    if (reply == null) break;
                    out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketException resetByServer) {
                // the server may close while the fake still writes: that is a refusal, not a hang
            }
        }
        return commands;
    }

    private static boolean endsWithBlankLine(byte[] h) {
        return h.length >= 2 && h[h.length - 1] == '\n' && h[h.length - 2] == '\n';
    }

    private static void awaitIdle(AgiServer server) throws InterruptedException {
        for (int i = 0; i < 500 && (server.liveCalls() > 0 || server.connectionsInHeader() > 0); i++) Thread.sleep(10);
    }

    static long openDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static long awaitDescriptorsBackTo(long before) throws InterruptedException {
        long now = openDescriptors();
        for (int i = 0; i < 100 && now > before; i++) {
            Thread.sleep(50);
            now = openDescriptors();
        }
        return now;
    }

    private static String outcomes(List<String> journal) {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        var outcome = java.util.regex.Pattern.compile("\"outcome\":\"([^\"]*)\"");
        for (String line : journal) {
            var m = outcome.matcher(line);
            if (m.find()) counts.merge(m.group(1), 1L, Long::sum);
        }
        return new java.util.TreeMap<>(counts).toString();
    }

    /** A hundred thousand refusals would be a hundred thousand log lines; the figures are printed instead. */
    private static Map<String, Level> quietLogs() {
        Map<String, Level> before = new java.util.HashMap<>();
        for (String name : List.of("hotline", "org.asteriskjava")) {
            before.put(name, logger(name).getLevel());
            logger(name).setLevel(Level.OFF);
        }
        return before;
    }

    private static ch.qos.logback.classic.Logger logger(String name) {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
    }
}
