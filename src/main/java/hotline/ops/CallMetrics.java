package hotline.ops;

import hotline.journal.CallRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts each call from its journal record as it is written: the outcome, the steps it reached,
 * what each listening window heard, barge-ins and queue waits. The metrics then say exactly what
 * the journal says (a step name in the funnel is a step name in the journal).
 */
final class CallMetrics implements Consumer<CallRecord> {

    private static final Map<String, String> VERDICTS = Map.of("silence", "silence", "quiet", "quiet",
            "voice", "speech", "noisy", "noise");
    private final Metrics metrics;
    private final Clock clock;

    CallMetrics(Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void accept(CallRecord record) {
        metrics.callEnded(record.outcome());
        List<CallRecord.Step> steps = record.steps();
        Set<String> reached = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            CallRecord.Step step = steps.get(i);
            if (reached.add(step.step())) metrics.stepReached(step.step());
            Map<String, Object> detail = step.detail();
            if (detail.get("heard") instanceof String heard && VERDICTS.containsKey(heard)) {
                metrics.heard(VERDICTS.get(heard));
            } else if (detail.containsKey("after-ms") && detail.containsKey("pressed")) {
                metrics.heard("key");
            }
            if (detail.containsKey("barged-in-after-ms")) metrics.bargedIn();
            if (step.step().equals("queue") && detail.get("end") instanceof String end) {
                Instant left = i + 1 < steps.size() ? steps.get(i + 1).at() : clock.instant();
                metrics.queueWait(String.valueOf(detail.get("queue")), end, Duration.between(step.at(), left));
            }
        }
    }
}
