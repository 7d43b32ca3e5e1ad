package hotline.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Flow tests' caller history in memory (the store's own tests: CallerRecordsContract). */
final class RememberedCallers implements CallerHistory {

    final Map<String, Instant> lastCalls = new HashMap<>();
    final Set<String> callbacksPending = new HashSet<>();
    final Map<String, Instant> blockedUntil = new HashMap<>();
    final List<AbuseReport> reports = new ArrayList<>();
    final List<String> blocks = new ArrayList<>();

    RememberedCallers calledAt(String number, Instant at) {
        lastCalls.put(number, at);
        return this;
    }

    RememberedCallers blocking(String number) {
        blockedUntil.put(number, Instant.MAX);
        return this;
    }

    @Override
    public Arrival arrived(String number, Instant at, Duration within) {
        if (blockedUntil.getOrDefault(number, Instant.MIN).isAfter(at)) return new Arrival.Blocked();
        lastCalls.values().removeIf(t -> t.isBefore(at.minus(within)));
        Optional<Instant> last = Optional.ofNullable(lastCalls.get(number));
        if (!within.isZero()) lastCalls.put(number, at);
        return within.isZero() ? Arrival.FIRST_CALL : new Arrival.Seen(last, callbacksPending.contains(number));
    }

    @Override
    public int report(AbuseReport report, Instant since, Instant forgetBefore) {
        reports.removeIf(r -> r.at().isBefore(forgetBefore));
        reports.add(report);
        return (int) reports.stream()
                .filter(r -> r.callerNumber().equals(report.callerNumber()) && !r.at().isBefore(since)).count();
    }

    @Override
    public void block(String number, Instant at, Instant until, String why) {
        blockedUntil.put(number, until);
        blocks.add(number + " until " + until + ": " + why);
    }
}
