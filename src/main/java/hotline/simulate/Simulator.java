package hotline.simulate;

import hotline.config.Script;
import hotline.flow.CallFacts;
import hotline.flow.CallFlow;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;
import hotline.flow.CallbackLimits;
import hotline.flow.CallerHungUp;
import hotline.flow.Outcome;
import hotline.flow.Routes;
import hotline.journal.CallRecord;
import hotline.journal.JournalWriter;
import hotline.journal.JournalingCaller;
import hotline.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a flow from the config against a scenario's caller, in virtual time: the same route
 * table, the same flow code and the same journaling decorators as a real call
 * ({@code hotline.agi.HotlineCall}); only the line and the switch are simulated. A minute of
 * call takes milliseconds; the journal line it yields has the real one's steps and fields, with
 * virtual timestamps. Callbacks are booked in memory (with the real per-caller limits).
 */
public final class Simulator {

    /** When every simulated call starts (its timestamps are virtual). */
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final Script snapshot;

    public Simulator(Script snapshot) {
        this.snapshot = snapshot;
    }

    /** How a simulated call went. */
    public record Simulation(Scenario scenario, Outcome outcome, CallRecord record, Duration lasted, Duration wallTime) {

        /** The journal line, as the server would have written it. */
        public String journalLine() {
            return JournalWriter.line(record);
        }
    }

    public Simulation run(Scenario scenario) {
        long wallStart = System.nanoTime();
        var time = new VirtualTime(scenario.when().startsAt().orElse(START));
        Script snapshot = scenario.when().hours().map(this.snapshot::withHours).orElse(this.snapshot);
        CallRecord record = new CallRecord(time)
                .with("call", "simulated-" + scenario.name())
                .with("channel", "Simulated/" + scenario.name())
                .with("caller", scenario.callerId())
                .with("caller-name", "")
                .with("dialled", scenario.dialled())
                .with("language", snapshot.languages().fallback())
                .with("script-version", "simulated-" + hotline.config.ScriptSource.hashOf(snapshot.toString()));
        var routes = Routes.standard(new CallbackLimits(new MemoryBook(), snapshot.inbound().callbacks(), time), time);
        Optional<CallFlow> flow = routes.flowFor(scenario.script(), snapshot);
        Outcome outcome;
        if (flow.isEmpty()) {
            record.with("script", scenario.script());
            outcome = Routes.UNKNOWN_SCRIPT;
        } else {
            var timeline = new Timeline(time, scenario);
            var prompts = new PromptLengths(snapshot.sounds().dir(), snapshot.languages().fallback());
            var caller = JournalingCaller.of(new SimulatedLine(timeline, snapshot, prompts),
                    new SimulatedSwitch(timeline), record);
            try {
                outcome = flow.get().run(caller, new CallFacts(scenario.dialled(), scenario.callerId()));
            } catch (CallerHungUp e) { // as HotlineCall: the step the caller was in
                outcome = new Outcome.CallerHungUpDuring(record.currentStep());
            }
        }
        record.outcome(outcome.code());
        return new Simulation(scenario, outcome, record, time.elapsed(), Duration.ofNanos(System.nanoTime() - wallStart));
    }

    /** Callback requests kept in memory: a simulated call books nothing real. */
    private static final class MemoryBook implements CallbackBook {
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public Booked book(CallbackBooking booking) {
            return new Booked.Stored("simulated-" + ids.incrementAndGet());
        }
    }
}
