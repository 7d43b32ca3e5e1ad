package hotline.simulate;

import hotline.flow.QueueEnd;
import hotline.flow.QueueEntry;
import hotline.flow.Switch;
import hotline.simulate.Scenario.QueuePlan;
import hotline.simulate.Timeline.Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The switch of a simulated call: each queue as the scenario describes it (members logged in,
 * when one answers, counted from the caller's first stay in that queue: a caller who re-enters
 * keeps their place); a stay nobody answers ends with {@code TIMEOUT} at its end. A caller who
 * hangs up while waiting abandons the queue, as on Asterisk.
 */
final class SimulatedSwitch implements Switch {

    /** A queue the scenario does not describe: nobody logged in, nobody answers. */
    private static final QueuePlan EMPTY = new QueuePlan(0, Optional.empty(), "", Duration.ZERO);

    private final Timeline timeline;
    private final Map<String, Duration> firstJoined = new HashMap<>();

    SimulatedSwitch(Timeline timeline) {
        this.timeline = timeline;
    }

    private QueuePlan plan(String queue) {
        return timeline.scenario().queues().getOrDefault(queue, EMPTY);
    }

    @Override
    public int membersLoggedIn(String queue) {
        if (timeline.step("queue-members", Duration.ZERO, "", Optional.empty()) instanceof Event.HungUp) {
            throw new hotline.flow.CallerHungUp("the simulated caller hung up");
        }
        return plan(queue).loggedIn();
    }

    @Override
    public QueueEnd enqueue(QueueEntry entry) {
        QueuePlan plan = plan(entry.queue());
        Duration joined = firstJoined.computeIfAbsent(entry.queue(), q -> timeline.now());
        Optional<Duration> answers = plan.answersAfter().map(joined::plus);
        return switch (timeline.step("queue", entry.timeout(), "", answers)) {
            case Event.Stopped s -> {
                timeline.step("queue", plan.talksFor(), "", Optional.empty()); // the bridge, until it ends
                yield new QueueEnd.Answered(plan.agent());
            }
            case Event.HungUp h -> new QueueEnd.Abandoned();
            default -> new QueueEnd.NotAnswered("TIMEOUT");
        };
    }

    @Override
    public void tellAgents(Map<String, String> details) {
        // the answering agent sees them; nothing to simulate
    }

    @Override
    public void hangUp() {
        // the flow ends the call; the simulation ends with it
    }
}
