package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dialler stops holding an agent for an answered callback when it hears
 * HotlineCallbackQueued (docs/callbacks.md, rule 4). Sent before Queue() ran, that event opened a
 * window in which Asterisk showed the agent idle and nobody waiting, and a second callback was
 * placed for the one agent (TwoNodesIT, 2026-12-03). So it must come from inside the queue: from
 * the B() gosub of the callback's Queue(), which Asterisk runs once the callee is counted waiting.
 */
class CallbackQueuedDialplanTest {

    private static final String EVENT = "UserEvent(HotlineCallbackQueued,";

    @Test
    void theCalleeIsReportedQueuedOnlyFromTheBGosubOfItsQueueCall() throws IOException {
        Map<String, List<String>> contexts = contexts(Path.of("asterisk-conf/extensions.conf"));

        List<String> sending = contexts.entrySet().stream()
                .filter(c -> c.getValue().stream().anyMatch(l -> l.contains(EVENT))).map(Map.Entry::getKey).toList();
        assertThat(sending).containsExactly("hotline-callback-queued");
        assertThat(contexts.get("hotline-callback").stream().filter(l -> l.contains("Queue(")))
                .singleElement().asString()
                .contains("Queue(${HOTLINE_CALLBACK_QUEUE},B(hotline-callback-queued^s^1),");
        List<String> gosub = contexts.get("hotline-callback-queued");
        assertThat(gosub.get(0)).startsWith("exten => s,1," + EVENT)
                .contains("Waiting: ${QUEUE_WAITING_COUNT(${HOTLINE_CALLBACK_QUEUE})}");
        assertThat(gosub.get(gosub.size() - 1)).isEqualTo("same => n,Return()");
    }

    /** Each context's dialplan lines, comments and blank lines left out. */
    private static Map<String, List<String>> contexts(Path file) throws IOException {
        var contexts = new LinkedHashMap<String, List<String>>();
        List<String> current = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replaceFirst("\\s*;.*$", "").strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[")) {
                current = new ArrayList<>();
                contexts.put(line.substring(1, line.indexOf(']')), current);
            } else {
                current.add(line);
            }
        }
        return contexts;
    }
}
