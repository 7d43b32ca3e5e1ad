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
import hotline.store.CallbackState;
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
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 9's kill cycles: the real server process, its callback dialler on, is SIGKILLed at
 * random moments of robot calls (a silent caller, a speaker in the queue, a caller taking the
 * callback offer, a complaint taken as a team-lead callback) while its dialler places the
 * booked callbacks back to a brief robot agent (it talks 15 s, hangs up, is free again); the
 * callees' phones ring 1-6 s before they answer, so a kill can fall mid-ring and the callee answer
 * while no node listens (the dialplan's answered mark then keeps it from being rung again). Every
 * caller hears the dialplan's polite fallback or finishes the script; every callback a caller
 * was promised is in the store, none twice; each dial is one counted attempt, and no callee
 * reaches an agent twice. After the last cycle a server left running places back what is still
 * in line. CI runs {@value #CI_CYCLES} cycles; the full run is
 * {@code mvn verify -Dit.test=KillCyclesIT -Dkill.cycles=100} (docs/operations.md).
 */
@Isolated("kills and restarts its server under calls; its dialler serves teamlead")
class KillCyclesIT extends LabCalls {

    private static final int CI_CYCLES = 4;
    private static final int PORT = 4595;
    private static final String QUEUE = "it-kill-cycles";
    private static final String AGENT = "Local/brief@robot-agent/n";
    /** Kills fall within this many milliseconds of the first call (from 0.5 s on). */
    private static final int KILL_SPAN = 46_000;
    private static final Duration PLACED_BACK_WITHIN = Duration.ofMinutes(4);
    private static final List<String> ROBOTS = List.of("robot-silent", "robot-speaks", "robot-waits-for-callback",
            "robot-complains"); // the speaker ahead of the callback-taker: it reaches the agent first

    private record Call(String robot, String robotId, String number) {}

    @Test
    void aServerKilledAtRandomMomentsLeavesNoCallerInSilenceAndLosesNoPromisedCallback() throws Exception {
        int cycles = Integer.getInteger("kill.cycles", CI_CYCLES);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("hotline-kill-cycles");
        Path db = dir.resolve("hotline.db");
        Path config = Files.writeString(dir.resolve("hotline.yaml"), withDialler(ServerProcess.labConfig(PORT, dir, """
                  agents: {queue: %s, patience-every: 10s, callback-offer-after: 10s, max-wait: 20s}
                  complaint: {key: "8", statement-max: 5s, answer-within: 5s}
                """.formatted(QUEUE)), dir));
        var confirmed = ConfigLoader.load(Path.of("config/hotline.yaml")).inbound().callbacks().confirmedPrompts();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Long> killedAt = new ArrayList<>();
        List<String> promised = new ArrayList<>();
        int fallbacksHeard = 0, calls = 0;
        lab.addQueueMember(QUEUE, AGENT);
        try {
            for (int cycle = 0; cycle < cycles; cycle++) {
                List<Call> placed = new ArrayList<>();
                try (ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"))) {
                    for (int i = 0; i < ROBOTS.size(); i++) {
                        String number = String.format("56%03d%02d", cycle, i); // called back: rings 1-6 s ([callback-robots])
                        String id = lab.callFrom(ROBOTS.get(i), number,
                                Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline"));
                        placed.add(new Call(ROBOTS.get(i), id, number));
                        if (i == 1) Thread.sleep(2_000); // the speaker reaches the agent first, so the others wait
                    }
                    // stratified: cycle after cycle the kill falls in each quarter of the call once
                    long at = 500 + (cycle % 4) * KILL_SPAN / 4 + random.nextInt(KILL_SPAN / 4);
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

            // a server left running places back what the kills left in line (retry-after 1 min)
            try (ServerProcess server = ServerProcess.serve(config, dir.resolve("server.log"))) {
                long deadline = System.nanoTime() + PLACED_BACK_WITHIN.toNanos();
                while (System.nanoTime() < deadline && !inLine(db).isEmpty()) Lab.pause(1_000);
                Lab.pause(2_000); // the last callee's agent connect event
            }
        } finally {
            lab.removeQueueMember(QUEUE, AGENT);
        }

        List<CallbackRequest> stored = storedIn(db);
        List<String> storedNumbers = stored.stream().map(r -> r.number().digits()).toList();
        List<String> lost = promised.stream().filter(n -> !storedNumbers.contains(n)).toList();
        long twice = storedNumbers.size() - storedNumbers.stream().distinct().count();
        System.out.printf("KillCyclesIT: seed %d, %d SIGKILL cycles, %d calls; killed at (ms) %s%n", seed, cycles,
                calls, killedAt);
        System.out.printf("KillCyclesIT: outcomes %s; fallback heard by %d callers; callbacks promised %d, stored %d, "
                + "lost %d, stored twice %d%n", outcomes, fallbacksHeard, promised.size(), stored.size(), lost.size(), twice);
        List<CallbackRequest> placedBack = stored.stream().filter(r -> r.queue().code().equals(QUEUE)).toList();
        Map<String, Long> legs = countByNumber(lab.events(NewChannelEvent.class).stream()
                .map(NewChannelEvent::getChannel).filter(c -> c != null && c.endsWith(";1")));
        Map<String, Long> reachedAgent = countByNumber(lab.events(AgentConnectEvent.class).stream()
                .filter(e -> QUEUE.equals(e.getQueue())).map(AgentConnectEvent::getChannel));
        long dials = placedBack.stream().mapToLong(r -> legs.getOrDefault(r.number().digits(), 0L)).sum();
        long attempts = placedBack.stream().mapToInt(CallbackRequest::attempts).sum();
        Map<String, Integer> states = new TreeMap<>();
        placedBack.forEach(r -> states.merge(r.state() + (r.lastResult().map(x -> " " + x).orElse("")), 1, Integer::sum));
        List<String> dialledTwice = placedBack.stream().map(r -> r.number().digits())
                .filter(n -> reachedAgent.getOrDefault(n, 0L) > 1).toList();
        List<String> moreDialsThanAttempts = placedBack.stream()
                .filter(r -> legs.getOrDefault(r.number().digits(), 0L) > r.attempts()).map(r -> r.number().digits()).toList();
        System.out.printf("KillCyclesIT: dialler on: callbacks for the agents %d (%s); dials %d for %d attempts counted; "
                + "callees who reached an agent: %d, twice: %d; still in line after %d s: %d%n", placedBack.size(), states,
                dials, attempts, reachedAgent.size(), dialledTwice.size(), PLACED_BACK_WITHIN.toSeconds(), inLine(db).size());
        assertThat(lost).as("callbacks the caller was promised but the store lost").isEmpty();
        assertThat(twice).as("callbacks stored twice").isZero();
        assertThat(dialledTwice).as("callees who reached an agent twice for one callback").isEmpty();
        assertThat(moreDialsThanAttempts).as("callbacks dialled more often than their attempts counted").isEmpty();
        assertThat(inLine(db)).as("callbacks for the agents not placed back by the server left running").isEmpty();
        assertThat(placedBack).as("the dialler placed back callbacks the cycles booked").isNotEmpty()
                .allSatisfy(r -> assertThat(r.state()).as("callback to %s", r.number().digits())
                        .isEqualTo(CallbackState.DONE));
    }

    /** The lab config with the dialler on, placing callbacks through [callback-robots]; 5 attempts each. */
    private static String withDialler(String config, Path dir) {
        String off = "dialler: {enabled: false}";
        String store = "store: {jdbc-url: \"jdbc:sqlite:" + dir.resolve("hotline.db") + "\"}";
        assertThat(config).contains(off, store);
        return config.replace(off, "dialler: {enabled: true, ami-user: hotline, ami-secret: hotline-dialler-lab-secret, "
                        + "node: kill-cycles, dial: \"Local/{number}@callback-robots\", poll-every: 500ms, ring-for: 20s, "
                        + "queue-timeout: 60s}")
                .replace(store, store.replace("}", ", max-attempts: 5, retry-after: 1m, claim-timeout: 1m}"));
    }

    private static List<CallbackRequest> storedIn(Path db) {
        try (CallbackStore store = CallbackStore.open(Store.at("jdbc:sqlite:" + db), Clock.systemUTC())) {
            return store.list(CallbackFilter.all());
        }
    }

    /** The agents' callbacks not yet placed back (pending or ringing). */
    private static List<CallbackRequest> inLine(Path db) {
        return storedIn(db).stream().filter(r -> r.queue().code().equals(QUEUE))
                .filter(r -> r.state() == CallbackState.PENDING || r.state() == CallbackState.DIALLING).toList();
    }

    /** Callback legs (Local/<number>@callback-robots-…) counted by the number called. */
    private static Map<String, Long> countByNumber(java.util.stream.Stream<String> channels) {
        return channels.filter(c -> c != null && c.startsWith("Local/") && c.contains("@callback-robots-"))
                .map(c -> c.substring("Local/".length(), c.indexOf('@')))
                .collect(java.util.stream.Collectors.groupingBy(n -> n, TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
