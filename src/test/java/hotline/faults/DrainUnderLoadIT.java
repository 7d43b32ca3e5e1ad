package hotline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 9: SIGTERM with 20 live calls. The server stops taking calls (a new caller hears the
 * dialplan's fallback), every live call finishes its script or is handed to the fallback
 * within the grace, each gets its journal line, and the process exits 0.
 */
@Isolated("20 live calls and a SIGTERM: a load that would move other classes' timings")
class DrainUnderLoadIT extends LabCalls {

    private static final int PORT = 4597;
    private static final Duration GRACE = Duration.ofSeconds(40);
    private static final List<String> MIX = List.of("robot-silent", "robot-speaks", "robot-waits-for-callback",
            "robot-complains", "robot-silent");

    @Test
    void twentyLiveCallsFinishOrFallBackWithinTheGraceAndTheServerExitsZero() throws Exception {
        Path dir = Files.createTempDirectory("hotline-drain");
        Path journal = dir.resolve("journal.jsonl");
        Path config = Files.writeString(dir.resolve("hotline.yaml"), yaml(dir.resolve("hotline.db"), journal));
        var via = Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline");
        List<String> robots = new ArrayList<>();
        int exit;
        long drainMs;
        String late;
        try (ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"))) {
            for (int i = 0; i < 20; i++) robots.add(lab.callFrom(MIX.get(i % MIX.size()), String.format("55600%02d", i), via));
            Thread.sleep(6_000); // every call is in its script: greeting, menu, listening
            long t0 = System.nanoTime();
            exit = server.terminate(GRACE.plusSeconds(15));
            drainMs = (System.nanoTime() - t0) / 1_000_000;
            late = lab.call("robot-silent", via); // after the drain began: nobody there to take it
        }

        Map<String, Integer> outcomes = new TreeMap<>();
        int fallbacks = 0;
        Map<String, HotlineCallEndedEvent> ends = new java.util.LinkedHashMap<>();
        for (String robot : robots) ends.put(robot, lab.awaitEnd(robot, GRACE.plusSeconds(30)));
        HotlineCallEndedEvent lateEnd = lab.awaitEnd(late, Duration.ofSeconds(30));
        for (String robot : robots) {
            HotlineCallEndedEvent end = ends.get(robot);
            outcomes.merge(end.getOutcome(), 1, Integer::sum);
            if (end.getOutcome().startsWith("fallback:")) {
                fallbacks++;
                assertThat(HeardPrompts.by(robot).find("en", "line-adjusting", Duration.ZERO))
                        .as("%s handed to the fallback hears it", robot).isPresent();
            }
        }
        List<String> lines = Files.readAllLines(journal);
        System.out.printf("DrainUnderLoadIT: SIGTERM with 20 live calls: exit %d after %d ms (grace %d s); outcomes %s; "
                + "%d handed to the fallback; journal lines %d; a call after SIGTERM: %s%n", exit, drainMs,
                GRACE.toSeconds(), outcomes, fallbacks, lines.size(), lateEnd.getOutcome());

        assertThat(exit).isZero();
        assertThat(Duration.ofMillis(drainMs)).isLessThan(GRACE.plusSeconds(6)); // the grace, then the cut calls' lines
        assertThat(lines).as("one journal line per live call").hasSize(20);
        assertThat(outcomes.keySet()).allSatisfy(o -> assertThat(o).doesNotStartWith("failed"));
        assertThat(lateEnd.getOutcome()).startsWith("fallback:");
        assertThat(HeardPrompts.by(late).find("en", "line-adjusting", Duration.ZERO)).isPresent();
    }

    private static String yaml(Path db, Path journal) {
        return """
                server: {port: %d, admin-port: 0, drain-grace: %ds}
                journal: {file: %s}
                store: {jdbc-url: "jdbc:sqlite:%s"}
                line-quality: {port: %d}
                dialler: {enabled: false}
                languages: {offered: [en, es, zh, ko, yue]}
                inbound:
                  agents: {patience-every: 10s, callback-offer-after: 10s, max-wait: 20s}
                  complaint: {key: "8", statement-max: 5s}  # the key is off unless set
                """.formatted(PORT, GRACE.toSeconds(), journal, db, PORT + 100);
    }
}
