package hotline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every scenario in docs/call-flows/scenarios/ runs against the shipped config and ends as its file says. */
class DocumentedScenariosTest {

    static final Path SCENARIOS = Path.of("docs/call-flows/scenarios");
    private static Script shipped;

    @BeforeAll
    static void loadTheShippedConfig() {
        shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachDocumentedScenarioEndsAsItsFileExpects() throws IOException {
        var simulator = new Simulator(shipped);
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            var run = simulator.run(ScenarioFile.read(file));
            System.out.printf("scenario %-26s %-34s %9.3f s of call in %6.2f ms%n", run.scenario().name(),
                    run.outcome().code(), run.lasted().toMillis() / 1000.0, run.wallTime().toNanos() / 1e6);
            assertThat(run.scenario().expect()).as("%s has an expect: outcome", file).isPresent();
            assertThat(Expectations.problems(run)).as(file.toString()).isEmpty();
        }));
    }

    @Test
    void theDocumentedScenariosTogetherRunInWellUnderASecond() throws IOException {
        var simulator = new Simulator(shipped);
        scenarioFiles().forEach(f -> simulator.run(ScenarioFile.read(f))); // warm up
        long start = System.nanoTime();
        Duration simulated = Duration.ZERO;
        for (Path f : scenarioFiles()) simulated = simulated.plus(simulator.run(ScenarioFile.read(f)).lasted());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("%d documented scenarios: %d s of calls simulated in %d ms%n", scenarioFiles().size(),
                simulated.toSeconds(), wall.toMillis());
        assertThat(wall).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void everyDocumentedFlowHasAScenario() throws IOException {
        var outcomes = scenarioFiles().stream().map(f -> ScenarioFile.read(f).expect().orElseThrow().outcome()).toList();
        assertThat(outcomes).contains("silent-line-goodbye", "quiet-line-goodbye", "noisy-line-goodbye",
                "queued:hotline", "queued:teamlead", "queued:dialect-zh", "queued:dialect-es", "queue-gave-up:hotline",
                "dialect-unavailable:zh", "dialect-no-queue:ko", "callback-booked:simple", "callback-booked:complaint",
                "callback-not-taken:simple", "caller-hung-up:greeting", "failed:unknown-script",
                "callback-booked:closed", "closed-goodbye");
    }
}
