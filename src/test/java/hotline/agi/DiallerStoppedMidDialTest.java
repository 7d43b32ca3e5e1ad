package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Dialler;
import hotline.config.Store;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real process running the dialler is stopped one moment after its Originate: SIGKILL (no
 * hook runs) and SIGTERM (serve's hook closes the dialler). Either way the callback ends back
 * in line with attempt 1 counted, and the next run dials it as attempt 2, once.
 */
class DiallerStoppedMidDialTest {

    private final Dialler config = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(90), "node-k");

    @Test
    void aDiallerKilledWithSigkillMidDialIsResolvedOnRestartAsACountedAttemptNotRedialledAsAttemptOne()
            throws Exception {
        String url = "jdbc:sqlite:" + Files.createTempDirectory("killed").resolve("hotline.db");
        long id = saveOne(url);

        Process child = dialInChild(url, "kill");
        List<String> output = waitForPlaced(child);
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(128 + 9);

        var clock = new CallbackDiallerTest.MovableClock(Instant.now());
        var board = new FakeSwitchboard().line("hotline", 1, 0);
        try (var store = open(url, clock)) {
            var restarted = new CallbackDialler(config, store, board, clock);
            assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
            restarted.tick();
            assertThat(store.find(id).orElseThrow()).satisfies(c -> {
                assertThat(c.state()).isEqualTo(CallbackState.PENDING);
                assertThat(c.attempts()).isEqualTo(1);
                assertThat(c.lastResult()).contains("interrupted");
            });
            assertThat(board.placed).isEmpty(); // not blindly again: after retry-after
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            restarted.tick();
        }
        assertThat(output).contains("PLACED " + id + " 1");
        assertThat(board.placed).extracting(Switchboard.Placement::attempt).containsExactly(2);
    }

    @Test
    void aDiallerStoppedWithSigtermMidDialWaitsRingForThenPutsTheCallbackBackCounted() throws Exception {
        String url = "jdbc:sqlite:" + Files.createTempDirectory("termed").resolve("hotline.db");
        long id = saveOne(url);

        Process child = dialInChild(url, "term");
        List<String> output = waitForPlaced(child);
        long stopping = System.nanoTime();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - stopping);

        assertThat(took).isGreaterThanOrEqualTo(config.ringFor());
        try (var store = open(url, new CallbackDiallerTest.MovableClock(Instant.now()))) {
            assertThat(store.find(id).orElseThrow()).satisfies(c -> {
                assertThat(c.state()).isEqualTo(CallbackState.PENDING);
                assertThat(c.attempts()).isEqualTo(1);
                assertThat(c.lastResult()).contains("interrupted");
            });
        }
        System.out.println("DiallerStoppedMidDialTest: SIGTERM to exit with one call ringing: " + took.toMillis()
                + " ms (ring-for " + config.ringFor().toSeconds() + " s)");
        assertThat(output).contains("PLACED " + id + " 1");
    }

    private static CallbackStore open(String url, java.time.Clock clock) {
        return CallbackStore.open(new Store(url, null, null, 3, Duration.ofMinutes(1), null, null), clock);
    }

    private static long saveOne(String url) {
        try (var store = open(url, java.time.Clock.systemUTC())) {
            return store.save(new NewCallback(CallbackNumber.of("5550001"), "en", "simple", CallbackQueue.of("hotline"),
                    Optional.empty(), CallerDetails.of("5550001", Duration.ofSeconds(60)))).id();
        }
    }

    private static Process dialInChild(String url, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                DialAndWait.class.getName(), url, "node-k", mode));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it placed the call; keeps reading after (the caller asserts). */
    private static List<String> waitForPlaced(Process child) throws Exception {
        var output = new CopyOnWriteArrayList<String>();
        var placed = new CompletableFuture<Void>();
        Thread.ofVirtual().start(() -> {
            try {
                child.inputReader().lines().forEach(line -> {
                    output.add(line);
                    if (line.startsWith("PLACED ")) placed.complete(null);
                });
            } catch (java.io.UncheckedIOException closed) {
                // the child was killed while we read
            }
        });
        placed.get(60, TimeUnit.SECONDS);
        return output;
    }
}
