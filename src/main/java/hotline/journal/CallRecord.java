package hotline.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened on one call, step by step, for the journal. One instance per call,
 * used by that call's thread only.
 */
public final class CallRecord {

    /** One step of the script as the caller lived it. */
    public record Step(Instant at, String step, Map<String, Object> detail) {}

    private final Clock clock;
    private final Map<String, Object> call = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private String currentStep = "start";
    private String outcome = "";

    public CallRecord(Clock clock) {
        this.clock = clock;
        call.put("started", clock.instant());
    }

    /** Call facts such as call id, channel, caller; values must already be sanitised. */
    public CallRecord with(String key, Object value) {
        call.put(key, value);
        return this;
    }

    public void step(String name, Map<String, Object> detail) {
        currentStep = name;
        steps.add(new Step(clock.instant(), name, Map.copyOf(detail)));
    }

    /** Adds facts learned when a step finished (what was heard, how long it took). */
    public void stepResult(Map<String, Object> result) {
        if (steps.isEmpty()) return;
        Step last = steps.removeLast();
        var merged = new LinkedHashMap<>(last.detail());
        merged.putAll(result);
        steps.add(new Step(last.at(), last.step(), merged));
    }

    /** The step the call was in; a hangup is blamed on it. */
    public String currentStep() {
        return currentStep;
    }

    public void outcome(String code) {
        this.outcome = code;
    }

    public String outcome() {
        return outcome;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The journal line's content, in a stable key order. */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>(call);
        map.put("steps", steps.stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("at", s.at());
            m.put("step", s.step());
            m.putAll(s.detail());
            return m;
        }).toList());
        map.put("outcome", outcome);
        map.put("ended", clock.instant());
        return map;
    }
}
