package hotline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Store;
import hotline.lab.AgiTrace;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import hotline.store.CallbackFilter;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's kill cycles: the real server process is SIGKILLed at random moments of robot
 * calls (a silent caller, a speaker in the queue, a caller taking the callback offer, a
 * complaint taken as a team-lead callback). Every caller hears the dialplan's polite
 * fallback or finishes the script; every callback a caller was promised is in the store;
 * none is stored twice. CI runs {@value #CI_CYCLES} cycles; the full run is
 * {@code mvn verify -Dit.test=KillCyclesIT -Dkill.cycles=100} (docs/operations.md).
 */
class KillCyclesIT extends LabCalls {

    private static final int CI_CYCLES = 4;
    private static final int PORT = 4595;
    private static final List<String> ROBOTS = List.of("robot-silent", "robot-speaks", "robot-waits-for-callback",
            "robot-complains");

    private record Call(String robot, String robotId, String number) {}

    @Test
    void aServerKilledAtRandomMomentsLeavesNoCallerInSilenceAndLosesNoPromisedCallback() throws Exception {
        int cycles = Integer.getInteger("kill.cycles", CI_CYCLES);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("hotline-kill-cycles");
        Path db = dir.resolve("hotline.db");
        Path config = Files.writeString(dir.resolve("hotline.yaml"), ServerProcess.labConfig(PORT, dir, """
                  agents: {patience-every: 10s, callback-offer-after: 10s, max-wait: 20s}
                  complaint: {statement-max: 5s}
                """));
        var confirmed = ConfigLoader.load(Path.of("config/hotline.yaml")).inbound().callbacks().confirmedPrompts();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Long> killedAt = new ArrayList<>();
        List<String> promised = new ArrayList<>();
        int fallbacksHeard = 0, calls = 0;

        for (int cycle = 0; cycle < cycles; cycle++) {
            List<Call> placed = new ArrayList<>();
            try (ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"))) {
                for (int i = 0; i < ROBOTS.size(); i++) {
                    String number = String.format("55%03d%02d", cycle, i);
                    String id = lab.callFrom(ROBOTS.get(i), number,
                            Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline"));
                    placed.add(new Call(ROBOTS.get(i), id, number));
                }
                long at = 500 + random.nextInt(45_000);
                Thread.sleep(at);
                server.kill();
                killedAt.add(at);
            }
            Map<Call, HotlineCallEndedEvent> ends = new java.util.LinkedHashMap<>();
            for (Call call : placed) ends.put(call, lab.awaitEnd(call.robotId(), Duration.ofSeconds(90)));
            for (Call call : placed) {
                calls++;
                HotlineCallEndedEvent end = ends.get(call);
                String outcome = end.getOutcome() == null ? "" : end.getOutcome();
                outcomes.merge(outcome.isEmpty() ? "(ended by the script's hang-up)" : outcome, 1, Integer::sum);
                HeardPrompts heard = HeardPrompts.by(call.robotId());
                if (outcome.startsWith("fallback:")) {
                    assertThat(heard.find("en", "line-adjusting", Duration.ZERO))
                            .as("%s (cycle %d, killed at %d ms) heard the fallback", call.robot(), cycle, killedAt.getLast())
                            .isPresent();
                    fallbacksHeard++;
                } else if (outcome.isEmpty()) {
                    assertThat(AgiTrace.of(Lab.fullLog(), end.getChannel()).commands())
                            .as("%s ended without an outcome: only after the script hung up", call.robot())
                            .anyMatch(c -> c.startsWith("HANGUP"));
                }
                for (String prompt : confirmed.values()) {
                    if (heard.find("en", prompt, Duration.ZERO).isPresent()) promised.add(call.number());
                }
            }
        }

        List<CallbackRequest> stored;
        try (CallbackStore store = CallbackStore.open(Store.at("jdbc:sqlite:" + db), Clock.systemUTC())) {
            stored = store.list(CallbackFilter.all());
        }
        List<String> storedNumbers = stored.stream().map(r -> r.number().digits()).toList();
        List<String> lost = promised.stream().filter(n -> !storedNumbers.contains(n)).toList();
        long twice = storedNumbers.size() - storedNumbers.stream().distinct().count();
        System.out.printf("KillCyclesIT: seed %d, %d SIGKILL cycles, %d calls; killed at (ms) %s%n", seed, cycles,
                calls, killedAt);
        System.out.printf("KillCyclesIT: outcomes %s; fallback heard by %d callers; callbacks promised %d, stored %d, "
                + "lost %d, stored twice %d%n", outcomes, fallbacksHeard, promised.size(), stored.size(), lost.size(), twice);
        assertThat(lost).as("callbacks the caller was promised but the store lost").isEmpty();
        assertThat(twice).as("callbacks stored twice").isZero();
    }
}
