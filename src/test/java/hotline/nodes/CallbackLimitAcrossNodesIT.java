package hotline.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.lab.HeardPrompts;
import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import hotline.store.CallbackFilter;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Issue 14: the per-caller callback limit is one count for every node. Two servers on the lab's
 * PostgreSQL with {@code inbound.callbacks.max-per-caller: 1}: a caller books a callback through
 * node A; calling again through node B, the same caller takes the offer and hears "we already have
 * your requests" ({@code callback-limit-reached}) instead of the promise, and the store still holds
 * the one callback. Its own ports and agents' queue (it-nodes-limit, nobody logs in).
 */
@ResourceLock(LabLocks.SHARED_LINES)
class CallbackLimitAcrossNodesIT extends LabCalls {

    private static final int PORT_A = 4661;
    private static final int PORT_B = 4663;
    private static final String CALLER = "5550188";
    private static final String INBOUND = """
              agents: {queue: it-nodes-limit, patience-every: 10s, callback-offer-after: 10s, max-wait: 40s}
              callbacks: {max-per-caller: 1}
            """;

    @Test
    void aCallerWhoBookedOnOneNodeHearsTheLimitOnTheOtherAndNothingMoreIsStored() throws Exception {
        String limitPrompt = ConfigLoader.load(Path.of("config/hotline.yaml")).inbound().callbacks().limitPrompt();
        try (var nodes = new LabNodes();
             var a = ServerProcess.serve(nodes.config("lab-a", PORT_A, INBOUND), nodes.log("lab-a"));
             var b = ServerProcess.serve(nodes.config("lab-b", PORT_B, INBOUND), nodes.log("lab-b"));
             CallbackStore store = CallbackStore.open(nodes.store(), Clock.systemUTC())) {
            String first = lab.callFrom("robot-waits-for-callback", CALLER, via(PORT_A));
            assertThat(lab.awaitEnd(first, Duration.ofSeconds(120)).getOutcome()).isEqualTo("callback-booked:simple");
            assertThat(nodes.requestsCounted()).isEqualTo(Map.of("caller:" + CALLER, 1, "number:" + CALLER, 1));

            String again = lab.callFrom("robot-waits-for-callback", CALLER, via(PORT_B));
            String outcome = lab.awaitEnd(again, Duration.ofSeconds(120)).getOutcome();

            assertThat(outcome).isEqualTo("callback-refused:rate-limited");
            assertThat(nodes.journalLines("lab-b")).as("the second call was node B's")
                    .anyMatch(l -> LabNodes.field(l, "caller").equals(Optional.of(CALLER))
                            && l.contains("callback-refused:rate-limited"));
            var heard = HeardPrompts.by(again);
            assertThat(heard.find("en", limitPrompt, Duration.ZERO)).as("node B's caller heard " + limitPrompt).isPresent();
            List<CallbackRequest> stored = store.list(CallbackFilter.all());
            assertThat(stored).singleElement().satisfies(c -> assertThat(c.number().digits()).isEqualTo(CALLER));
            assertThat(nodes.requestsCounted()).as("the refused request counted under no key")
                    .isEqualTo(Map.of("caller:" + CALLER, 1, "number:" + CALLER, 1));
            System.out.printf("CallbackLimitAcrossNodesIT: max-per-caller 1; booked on lab-a, then on lab-b: %s, heard %s at %s; "
                    + "stored %d callback(s); counted %s%n", outcome, limitPrompt,
                    heard.find("en", limitPrompt, Duration.ZERO).orElseThrow(), stored.size(), nodes.requestsCounted());
        }
    }

    private static Map<String, String> via(int port) {
        return Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + port + "/hotline");
    }
}
