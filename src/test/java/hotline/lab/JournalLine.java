package hotline.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One call's journal line, read as the JSON it is: its steps with their times and details, and
 * when the server ended the call, so a test can tell how long after a step the call ended.
 */
public record JournalLine(String text, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static JournalLine of(String text) {
        try {
            return new JournalLine(text, JSON.readTree(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String outcome() {
        return json.path("outcome").asText();
    }

    public List<JsonNode> steps() {
        List<JsonNode> steps = new ArrayList<>();
        json.path("steps").forEach(steps::add);
        return steps;
    }

    public String lastStep() {
        return steps().getLast().path("step").asText();
    }

    /** The last step of that name. */
    public JsonNode step(String name) {
        return steps().reversed().stream().filter(s -> name.equals(s.path("step").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + text));
    }

    /** The first step after the last one named {@code name}, if any. */
    public Optional<JsonNode> stepAfter(String name) {
        List<JsonNode> steps = steps();
        int at = steps.lastIndexOf(step(name));
        return at + 1 < steps.size() ? Optional.of(steps.get(at + 1)) : Optional.empty();
    }

    /** From the start of the last step named {@code name} to the end of the call, as the server saw it. */
    public Duration endedAfter(String name) {
        return Duration.between(Instant.parse(step(name).path("at").asText()), Instant.parse(json.path("ended").asText()));
    }
}
