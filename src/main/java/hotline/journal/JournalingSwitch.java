package hotline.journal;

import hotline.config.Durations;
import hotline.flow.QueueEnd;
import hotline.flow.QueueEntry;
import hotline.flow.Switch;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Records every step a flow takes on the switch (queues, agents, the hang-up), then delegates. */
final class JournalingSwitch implements Switch {

    private final Switch inner;
    private final CallRecord record;

    JournalingSwitch(Switch inner, CallRecord record) {
        this.inner = inner;
        this.record = record;
    }

    @Override
    public int membersLoggedIn(String queue) {
        record.step("queue-members", Map.of("queue", queue));
        int members = inner.membersLoggedIn(queue);
        record.stepResult(Map.of("logged-in", members));
        return members;
    }

    @Override
    public QueueEnd enqueue(QueueEntry entry) {
        record.step("queue", Map.of("queue", entry.queue(), "stay-at-most", Durations.format(entry.timeout())));
        QueueEnd end = inner.enqueue(entry);
        record.stepResult(switch (end) {
            case QueueEnd.Answered a -> Map.of("end", "answered", "agent", a.agent());
            case QueueEnd.Abandoned a -> Map.of("end", "abandoned");
            case QueueEnd.NotAnswered n -> Map.of("end", "not-answered", "queue-status", n.queueStatus());
        });
        return end;
    }

    @Override
    public void tellAgents(Map<String, String> details) {
        record.step("tell-agents", Map.of("details", String.join(",", details.keySet())));
        inner.tellAgents(details);
    }

    @Override
    public Optional<String> note(String name) {
        return inner.note(name);
    }

    @Override
    public void keepNote(String name, String value) {
        record.step("note", Map.of("name", name, "value", value));
        inner.keepNote(name, value);
    }

    @Override
    public void louder(int factor) {
        record.step("louder", Map.of("volume", factor));
        inner.louder(factor);
    }

    @Override
    public boolean holdUntilNote(String name, Duration atMost) {
        record.step("hold", Map.of("at-most", Durations.format(atMost)));
        boolean back = inner.holdUntilNote(name, atMost);
        record.stepResult(Map.of("taken-back", back));
        return back;
    }

    @Override
    public void alert(String event, Map<String, String> details) {
        record.step("alert", Map.of("event", event, "details", details));
        inner.alert(event, details);
    }

    @Override
    public void releaseAgent(String agentChannel) {
        record.step("release-agent", Map.of("agent", agentChannel));
        inner.releaseAgent(agentChannel);
    }

    @Override
    public void hangUp() {
        record.step("hangup", Map.of());
        inner.hangUp();
    }
}
