package hotline.simulate;

import hotline.simulate.Scenario.Kind;
import hotline.simulate.Scenario.Moment;
import hotline.simulate.Scenario.Press;
import hotline.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A scenario played against virtual time: each step of the call takes its length, unless the
 * caller hangs up, presses a key it listens for, or something ends it early (a voice, an agent
 * answering) first; the time moves on to whichever comes first. One per simulated call.
 */
final class Timeline {

    /** What ended a step, and when (since the answer). */
    sealed interface Event {
        Duration at();

        record Ran(Duration at) implements Event {}
        record Key(char key, Duration at) implements Event {}
        record Stopped(Duration at) implements Event {}
        record HungUp(Duration at) implements Event {}
    }

    private final VirtualTime time;
    private final Duration start;
    private final Scenario scenario;
    private final List<Press> presses;
    private Optional<Moment> hangsUp;
    private final Deque<String> typed;

    Timeline(VirtualTime time, Scenario scenario) {
        this.time = time;
        this.start = time.elapsed();
        this.scenario = scenario;
        this.presses = new ArrayList<>(scenario.presses());
        this.hangsUp = scenario.hangsUp();
        this.typed = new ArrayDeque<>(scenario.types());
    }

    /** Time since the answer. */
    Duration now() {
        return time.elapsed().minus(start);
    }

    Scenario scenario() {
        return scenario;
    }

    /** The next number the caller keys in, if the scenario has one left. */
    Optional<String> nextTyped() {
        return Optional.ofNullable(typed.poll());
    }

    /**
     * Runs step {@code step} for {@code length} from now: the caller may hang up, press one of
     * {@code keys}, or {@code stopsAt} (a time since the answer) may end it early. A key pressed
     * that the step does not listen for is lost, as on a real line.
     */
    Event step(String step, Duration length, String keys, Optional<Duration> stopsAt) {
        Duration from = now();
        Duration end = from.plus(length);
        Event first = hangsUp.flatMap(m -> when(m, step, from, end)).<Event>map(Event.HungUp::new).orElse(null);
        Press pressed = null;
        for (Press p : List.copyOf(presses)) {
            Optional<Duration> at = when(p.when(), step, from, end);
            if (at.isEmpty()) continue;
            if (keys.indexOf(p.key()) < 0) {
                presses.remove(p); // pressed while nothing listened for it: lost
            } else if (first == null || at.get().compareTo(first.at()) < 0) {
                pressed = p;
                first = new Event.Key(p.key(), at.get());
            }
        }
        if (stopsAt.isPresent() && stopsAt.get().compareTo(end) <= 0
                && (first == null || stopsAt.get().compareTo(first.at()) < 0)) {
            first = new Event.Stopped(max(stopsAt.get(), from));
        }
        if (first == null) first = new Event.Ran(end);
        if (first instanceof Event.Key) presses.remove(pressed);
        if (first instanceof Event.HungUp) hangsUp = Optional.empty();
        time.advance(first.at().minus(from));
        return first;
    }

    /** When {@code m} falls in this step: a time within it, or its step's moment. */
    private static Optional<Duration> when(Moment m, String step, Duration from, Duration end) {
        if (m.time().isPresent()) {
            Duration t = m.time().get();
            return t.compareTo(from) >= 0 && t.compareTo(end) < 0 ? Optional.of(t) : Optional.empty();
        }
        if (!m.step().equals(step)) return Optional.empty();
        Duration into = m.after().compareTo(end.minus(from)) < 0 ? m.after() : end.minus(from);
        return Optional.of(from.plus(into));
    }

    /** What the line sounds like at {@code t}: the latest sound that covers it, else silence. */
    Kind soundAt(Duration t) {
        Kind kind = Kind.SILENCE;
        for (var s : scenario.sounds()) {
            if (s.covers(t)) kind = s.kind();
        }
        return kind;
    }

    /** The first moment in [from, to) the line sounds like {@code kind}. */
    Optional<Duration> onset(Kind kind, Duration from, Duration to) {
        var changes = new java.util.TreeSet<Duration>();
        changes.add(from);
        for (var s : scenario.sounds()) {
            changes.add(s.from());
            s.lasting().ifPresent(l -> changes.add(s.from().plus(l)));
        }
        return changes.subSet(from, true, to, false).stream().filter(t -> soundAt(t) == kind).findFirst();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
