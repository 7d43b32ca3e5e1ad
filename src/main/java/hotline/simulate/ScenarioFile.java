package hotline.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hotline.config.Durations;
import hotline.simulate.Scenario.Expect;
import hotline.simulate.Scenario.Kind;
import hotline.simulate.Scenario.Moment;
import hotline.simulate.Scenario.Press;
import hotline.simulate.Scenario.QueuePlan;
import hotline.simulate.Scenario.Sound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario file (the format: docs/call-flows/scenarios/README.md). Unknown keys are
 * errors, as in hotline.yaml; a message names the file and the key.
 */
public final class ScenarioFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("about", "script", "dialled", "caller-id", "silent", "speaks-at",
            "quiet", "noisy", "sounds", "presses", "types", "hangs-up-at", "speaks-for", "agent-answers-after",
            "queues", "agent-presses", "expect", "starts-at", "hours");

    private final String where;

    private ScenarioFile(String where) {
        this.where = where;
    }

    public static Scenario read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            return new ScenarioFile(file.toString()).parse(name, YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario " + file, e);
        }
    }

    /** A scenario from YAML text (tests). */
    public static Scenario parse(String name, String yaml) {
        try {
            return new ScenarioFile(name).parse(name, YAML.readTree(yaml));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private Scenario parse(String name, JsonNode root) {
        if (root == null || !root.isObject()) throw problem("", "a scenario is a map of keys");
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) throw problem(k, "unknown key (known: " + new java.util.TreeSet<>(KEYS) + ")");
        });
        var queues = new LinkedHashMap<String, QueuePlan>();
        root.path("queues").properties().forEach(e -> queues.put(e.getKey(), queue("queues." + e.getKey(), e.getValue())));
        if (root.has("agent-answers-after")) { // the agents' queue of the shipped script
            queues.put("hotline", new QueuePlan(1, Optional.of(duration("agent-answers-after", root.get("agent-answers-after"))),
                    QueuePlan.NOBODY_ANSWERS.agent(), QueuePlan.NOBODY_ANSWERS.talksFor()));
        }
        return new Scenario(name, root.path("about").asText(""), root.path("script").asText("hotline"),
                root.path("dialled").asText("s"), root.path("caller-id").asText(""), sounds(root),
                presses("presses", root.path("presses")), texts(root.path("types")),
                root.has("hangs-up-at") ? Optional.of(moment("hangs-up-at", root.get("hangs-up-at"))) : Optional.empty(),
                root.has("speaks-for") ? duration("speaks-for", root.get("speaks-for")) : Duration.ofSeconds(3),
                queues, presses("agent-presses", root.path("agent-presses")), expect(root.path("expect")), when(root));
    }

    /** {@code starts-at: 2026-01-05T20:00:00+01:00} and {@code hours:} (hotline.yaml's section, checked as there). */
    private Scenario.When when(JsonNode root) {
        Optional<java.time.Instant> start = Optional.empty();
        if (root.has("starts-at")) {
            try {
                start = Optional.of(java.time.OffsetDateTime.parse(root.get("starts-at").asText()).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                throw problem("starts-at", "'" + root.get("starts-at").asText() + "' is not a time with its offset"
                        + " (e.g. 2026-01-05T20:00:00+01:00)");
            }
        }
        Optional<hotline.config.Hours> hours = Optional.empty();
        if (root.has("hours")) {
            try {
                String yaml = YAML.writeValueAsString(java.util.Map.of("hours", root.get("hours")));
                hours = Optional.of(hotline.config.ConfigLoader.parse(where + " (hours:)", yaml).hours());
            } catch (IOException | hotline.config.ConfigException e) {
                throw problem("hours", e.getMessage());
            }
        }
        return new Scenario.When(start, hours);
    }

    private List<Sound> sounds(JsonNode root) {
        var sounds = new ArrayList<Sound>();
        if (root.path("quiet").asBoolean(false)) sounds.add(new Sound(Duration.ZERO, Kind.QUIET, Optional.empty()));
        if (root.path("noisy").asBoolean(false)) sounds.add(new Sound(Duration.ZERO, Kind.NOISE, Optional.empty()));
        if (root.has("speaks-at")) {
            sounds.add(new Sound(duration("speaks-at", root.get("speaks-at")), Kind.SPEECH, Optional.of(Sound.UTTERANCE)));
        }
        for (JsonNode s : root.path("sounds")) {
            String kind = s.path("is").asText("");
            try {
                sounds.add(new Sound(duration("sounds.at", s.path("at")), Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                        s.has("for") ? Optional.of(duration("sounds.for", s.get("for"))) : Optional.empty()));
            } catch (IllegalArgumentException e) {
                throw problem("sounds.is", "'" + kind + "' is none of silence, quiet, speech, noise");
            }
        }
        sounds.sort(java.util.Comparator.comparing(Sound::from));
        return sounds;
    }

    private List<Press> presses(String key, JsonNode node) {
        var presses = new ArrayList<Press>();
        Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
        for (JsonNode p : items) {
            if (p.isMissingNode()) continue;
            String k = p.path("key").asText("");
            if (!k.matches("[0-9*#]")) throw problem(key + ".key", "'" + k + "' is not a single phone key");
            presses.add(new Press(moment(key + ".at", p), k.charAt(0)));
        }
        return presses;
    }

    /** {@code 12s}, {@code greeting}, or {@code {at: greeting, after: 2s}}. */
    private Moment moment(String key, JsonNode node) {
        JsonNode at = node.isObject() ? node.path("at") : node;
        Duration after = node.has("after") ? duration(key + ".after", node.get("after")) : Moment.INTO_A_STEP;
        String text = at.asText("");
        if (text.isEmpty()) throw problem(key, "a step name or a time is needed");
        return Character.isDigit(text.charAt(0)) ? Moment.at(duration(key, at)) : Moment.during(text, after);
    }

    private QueuePlan queue(String key, JsonNode q) {
        var base = QueuePlan.NOBODY_ANSWERS;
        return new QueuePlan(q.path("logged-in").asInt(base.loggedIn()),
                q.has("answers-after") ? Optional.of(duration(key + ".answers-after", q.get("answers-after"))) : Optional.empty(),
                q.path("agent").asText(base.agent()),
                q.has("talks-for") ? duration(key + ".talks-for", q.get("talks-for")) : base.talksFor());
    }

    private Optional<Expect> expect(JsonNode e) {
        if (e.isMissingNode()) return Optional.empty();
        if (!e.has("outcome")) throw problem("expect.outcome", "missing");
        return Optional.of(new Expect(e.get("outcome").asText(), texts(e.path("steps"))));
    }

    private static List<String> texts(JsonNode node) {
        var texts = new ArrayList<String>();
        node.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** As in hotline.yaml ({@code 300ms}, {@code 5s}, {@code 2m}), and {@code 1.5s}. */
    private Duration duration(String key, JsonNode node) {
        String text = node.asText("").strip();
        var decimal = java.util.regex.Pattern.compile("(\\d{1,6})\\.(\\d{1,3})s").matcher(text);
        if (decimal.matches()) {
            return Duration.ofSeconds(Long.parseLong(decimal.group(1)))
                    .plusMillis(Long.parseLong((decimal.group(2) + "00").substring(0, 3)));
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    private IllegalArgumentException problem(String key, String message) {
        return new IllegalArgumentException(where + (key.isEmpty() ? "" : ": " + key) + ": " + message);
    }
}
