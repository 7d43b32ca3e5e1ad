package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.journal.JournalWriter;
import hotline.simulate.ScenarioFile;
import hotline.simulate.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated call and a real call's journal, for the same situation, line up step by step:
 * the same step names and the same fields in each step (the values, timestamps first, differ).
 */
class SimulatedAndRealJournalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A silent call's journal line written by the real server (HotlineCall, AgiCaller, the journaling
     * decorators) over the AGI wire, Asterisk's side played by {@link FakeAsterisk}; rewrite it with
     * {@code mvn -o test -Dtest=SimulatedAndRealJournalsTest -Dsample.write=true}.
     */
    static final Path STORED_REAL = Path.of("docs/call-flows/samples/silent-call.journal.jsonl");

    @TempDir
    Path tmp;

    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));

    @Test
    void aSimulatedSilentCallHasTheStepsAndFieldsOfTheStoredRealJournalLine() throws IOException {
        JsonNode real = JSON.readTree(Files.readAllLines(STORED_REAL).getFirst());

        assertThat(shape(simulated("silent-caller"))).isEqualTo(shape(real));
    }

    @Test
    void aSimulatedSilentCallHasTheStepsAndFieldsOfARealCallServedOverTheWireNow() throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        var journal = new JournalWriter(tmp.resolve("journal.jsonl"));
        journal.addListener(lines::add);
        var served = config.withServer(new Server("127.0.0.1", freePort(), 10, Duration.ofSeconds(5)));
        var server = new AgiServer(() -> served, journal, hotline.store.TestStores.sqliteBook());
        int port = server.start();
        try {
            new FakeAsterisk("hotline", "Local/s@robot-silent-00000001;1").call(port, FakeAsterisk::silentCaller);
        } finally {
            server.close();
        }

        if (Boolean.getBoolean("sample.write")) Files.writeString(STORED_REAL, lines.getFirst() + "\n");
        assertThat(shape(simulated("silent-caller"))).isEqualTo(shape(JSON.readTree(lines.getFirst())));
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private JsonNode simulated(String scenario) throws IOException {
        var run = new Simulator(config.script()).run(ScenarioFile.read(Path.of("docs/call-flows/scenarios/" + scenario + ".yaml")));
        return JSON.readTree(run.journalLine());
    }

    /** The line's keys, then per step its name and its sorted field names. */
    private static List<String> shape(JsonNode line) {
        var shape = new ArrayList<String>();
        line.fieldNames().forEachRemaining(shape::add);
        for (JsonNode step : line.get("steps")) {
            var fields = new ArrayList<String>();
            step.fieldNames().forEachRemaining(fields::add);
            fields.sort(null);
            shape.add(step.get("step").asText() + " " + fields);
        }
        shape.add("outcome " + line.get("outcome").asText());
        return shape;
    }
}
