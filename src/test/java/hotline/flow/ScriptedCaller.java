package hotline.flow;

import hotline.config.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A fake caller for flow tests: hears what the test scripts, and keeps a transcript. */
final class ScriptedCaller implements Caller {

    final List<String> transcript = new ArrayList<>();
    private final Deque<Heard> hearing = new ArrayDeque<>();
    private QueueEnd queueEnd = new QueueEnd.Answered("PJSIP/agent-1");
    private String hangUpAt;

    static ScriptedCaller silent() {
        return new ScriptedCaller();
    }

    ScriptedCaller thenHeard(Heard heard) {
        hearing.add(heard);
        return this;
    }

    ScriptedCaller speaksAfter(int silentWindows) {
        for (int i = 0; i < silentWindows; i++) hearing.add(new Heard.Silence(Duration.ofSeconds(5)));
        hearing.add(new Heard.Voice(Duration.ofMillis(800)));
        return this;
    }

    ScriptedCaller queueEnds(QueueEnd end) {
        this.queueEnd = end;
        return this;
    }

    /** Hangs up when the transcript line starting with {@code step} is reached. */
    ScriptedCaller hangsUpAt(String step) {
        this.hangUpAt = step;
        return this;
    }

    private void step(String line) {
        transcript.add(line);
        if (hangUpAt != null && line.startsWith(hangUpAt)) {
            throw new CallerHungUp("scripted hangup at " + line);
        }
    }

    @Override public void answer() { step("answer"); }
    @Override public void play(String promptKey) { step("play " + promptKey); }
    @Override public void pause(Duration length) { step("pause " + Durations.format(length)); }
    @Override public void hangUp() { step("hangup"); }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded) {
        step("listen " + Durations.format(atMost));
        return hearing.isEmpty() ? new Heard.Silence(atMost) : hearing.poll();
    }

    @Override
    public QueueEnd enqueue(String queue, Duration maxWait) {
        step("queue " + queue);
        return queueEnd;
    }
}
