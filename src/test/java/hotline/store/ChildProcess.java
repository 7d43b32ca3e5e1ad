package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Runs {@link SaveAndWait} in a JVM of its own and kills it (SIGKILL) the moment it says SAVED. */
final class ChildProcess {

    private ChildProcess() {}

    /** Returns the id the child saved; the child is dead when this returns. */
    static long saveThenKill(Store config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SaveAndWait.class.getName(), config.jdbcUrl(), config.user(), config.password()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new CopyOnWriteArrayList<String>();
        try {
            var saved = CompletableFuture.supplyAsync(() -> child.inputReader().lines()
                    .peek(output::add)
                    .filter(line -> line.startsWith("SAVED "))
                    .map(line -> Long.parseLong(line.substring("SAVED ".length()).strip()))
                    .findFirst());
            var id = saved.get(60, TimeUnit.SECONDS);
            assertThat(id).as("the child's output: %s", output).isPresent();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close(), nothing flushed after the line
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            return id.get();
        } finally {
            child.destroyForcibly();
        }
    }
}
