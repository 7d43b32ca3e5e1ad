package hotline.journal;

import hotline.config.Durations;
import hotline.flow.Caller;
import hotline.flow.Heard;
import hotline.flow.QueueEnd;
import java.time.Duration;
import java.util.Map;

/** Records every step a flow takes, then delegates; the journal reads like the script. */
public final class JournalingCaller implements Caller {

    private final Caller inner;
    private final CallRecord record;

    public JournalingCaller(Caller inner, CallRecord record) {
        this.inner = inner;
        this.record = record;
    }

    @Override
    public void answer() {
        record.step("answer", Map.of());
        inner.answer();
    }

    @Override
    public void play(String promptKey) {
        record.step(promptKey, Map.of("action", "play"));
        inner.play(promptKey);
    }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded) {
        record.step("listen", Map.of("at-most", Durations.format(atMost)));
        Heard heard = inner.listen(atMost, voiceNeeded);
        record.stepResult(switch (heard) {
            case Heard.Voice v -> Map.of("heard", "voice", "after-ms", v.after().toMillis());
            case Heard.Silence s -> Map.of("heard", "silence", "after-ms", s.waited().toMillis());
        });
        return heard;
    }

    @Override
    public void pause(Duration length) {
        record.step("pause", Map.of("length", Durations.format(length)));
        inner.pause(length);
    }

    @Override
    public QueueEnd enqueue(String queue, Duration maxWait) {
        record.step("queue", Map.of("queue", queue));
        QueueEnd end = inner.enqueue(queue, maxWait);
        record.stepResult(switch (end) {
            case QueueEnd.Answered a -> Map.of("end", "answered", "agent", a.agent());
            case QueueEnd.Abandoned a -> Map.of("end", "abandoned");
            case QueueEnd.NotAnswered n -> Map.of("end", "not-answered", "queue-status", n.queueStatus());
        });
        return end;
    }

    @Override
    public void hangUp() {
        record.step("hangup", Map.of());
        inner.hangUp();
    }
}
