package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import hotline.lab.Lab;
import hotline.lab.ServerProcess;
import hotline.store.CallbackFilter;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * No callback request is ever lost (call-scripts.md §5): the real server process is
 * killed with SIGKILL the moment the caller starts hearing "we have your number", and
 * the request is in the store when it is opened again.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class ServerKilledIT {

    private static final int PORT = 4671;

    @Test
    void aServerKilledRightAfterTheConfirmationPromptStartsHasAlreadyStoredTheCallback() throws Exception {
        Path dir = Files.createTempDirectory("hotline-killed");
        Path db = dir.resolve("hotline.db");
        Path config = Files.writeString(dir.resolve("hotline.yaml"), ServerProcess.labConfig(PORT, dir, """
                  agents: {patience-every: 10s, callback-offer-after: 10s}
                """));
        try (Lab lab = Lab.connect(); ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"))) {
            String robot = lab.call("robot-waits-for-callback",
                    Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline"));
            String channel = awaitConfirmationPrompt(robot, Duration.ofSeconds(90));

            server.kill(); // SIGKILL: no shutdown hook, no drain, no close

            try (CallbackStore store = CallbackStore.open(Store.at("jdbc:sqlite:" + db), Clock.systemUTC())) {
                List<CallbackRequest> saved = store.list(CallbackFilter.all());
                assertThat(saved).singleElement().satisfies(r -> {
                    assertThat(r.number().digits()).isEqualTo("5550100");
                    assertThat(r.reason()).isEqualTo("simple");
                });
            }
            System.out.println("killed while " + channel + " heard the confirmation; the callback was stored");
        }
    }

    /** The robot's channel, once Asterisk starts playing it the confirmation prompt. */
    private static String awaitConfirmationPrompt(String robot, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // the prompts stream through a media session: the confirmation is the session the
            // server opens right after the name's RECORD FILE (the save comes between the two)
            try (var lines = Files.lines(Lab.fullLog())) {
                // only the call this server took: other classes' robots may wait for a callback too
                String ours = null;
                boolean recorded = false;
                for (String l : (Iterable<String>) lines::iterator) {
                    if (!l.contains("robot-waits-for-callback") || l.compareTo("[" + startedAt) <= 0) continue;
                    String channel = l.contains("<") && l.contains(">") ? l.substring(l.indexOf('<') + 1, l.indexOf('>')) : "";
                    if (ours == null && l.endsWith("AGI Tx >> agi_request: agi://127.0.0.1:" + PORT + "/hotline")) ours = channel;
                    if (!channel.equals(ours)) continue;
                    if (l.contains("AGI Rx << RECORD FILE")) recorded = true;
                    if (recorded && l.contains("AGI Rx << EXEC \"AudioSocket\"")) return channel;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("robot " + robot + " never heard the confirmation prompt");
    }

    private static final String startedAt = java.time.LocalDateTime.now()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
}
