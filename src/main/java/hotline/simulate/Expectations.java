package hotline.simulate;

import hotline.journal.CallRecord;
import hotline.simulate.Simulator.Simulation;
import java.util.ArrayList;
import java.util.List;

/** What a simulated call did against what its scenario's {@code expect} says; empty when it matches. */
public final class Expectations {

    private Expectations() {}

    public static List<String> problems(Simulation run) {
        var problems = new ArrayList<String>();
        run.scenario().expect().ifPresent(expect -> {
            if (!expect.outcome().equals(run.outcome().code())) {
                problems.add("expected outcome " + expect.outcome() + ", got " + run.outcome().code());
            }
            List<String> steps = run.record().steps().stream().map(CallRecord.Step::step).toList();
            if (!expect.steps().isEmpty() && !expect.steps().equals(steps)) {
                problems.add("expected steps " + expect.steps() + ", got " + steps);
            }
        });
        return problems;
    }
}
