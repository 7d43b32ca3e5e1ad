package hotline.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The switch of an agent key's session: as the caller's own, except that the hang-up first
 * notes "script:hangup" on the call, so the call's own session (still in its Queue) reports
 * the script that ended the call, not a plain agent call ({@link AfterAgent}).
 */
final class NotingSwitch implements Switch {

    private final Switch inner;
    private final String script;

    NotingSwitch(Switch inner, String script) {
        this.inner = inner;
        this.script = script;
    }

    @Override
    public void hangUp() {
        inner.keepNote(AgentNotes.ENDED, script + ":hangup");
        inner.hangUp();
    }

    @Override public int membersLoggedIn(String queue) { return inner.membersLoggedIn(queue); }
    @Override public QueueEnd enqueue(QueueEntry entry) { return inner.enqueue(entry); }
    @Override public void tellAgents(Map<String, String> details) { inner.tellAgents(details); }
    @Override public Optional<String> note(String name) { return inner.note(name); }
    @Override public void keepNote(String name, String value) { inner.keepNote(name, value); }
    @Override public void louder(int factor) { inner.louder(factor); }
    @Override public boolean holdUntilNote(String name, Duration atMost) { return inner.holdUntilNote(name, atMost); }
    @Override public void alert(String event, Map<String, String> details) { inner.alert(event, details); }
    @Override public void releaseAgent(String agentChannel) { inner.releaseAgent(agentChannel); }
}
