package hotline.agi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Asterisk as the dialler sees it, set by the test: queue states, the calls placed, events sent back. */
class FakeSwitchboard implements Switchboard {

    final List<Placement> placed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Line> lines = new HashMap<>();
    private final List<Consumer<DialEvent>> listeners = new ArrayList<>();
    boolean reachable = true;
    /** What the next originate does instead of placing the call (null: it places it). */
    RuntimeException nextOriginate;
    int logins;
    /** What the dialplan marked answered: mark (id-created) → attempt (DB(hotline-callback/<mark>)). */
    final Map<String, Integer> answeredMarks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Getvar of a mark fails (Asterisk busy) while this is set. */
    boolean marksUnreadable;

    FakeSwitchboard line(String queue, int ready, int waiting) {
        lines.put(queue, new Line(ready, waiting));
        return this;
    }

    /** Asterisk reports how a placed call went. */
    void report(DialEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    List<Long> placedIds() {
        return placed.stream().map(Placement::callbackId).toList();
    }

    @Override
    public void connect() {
        if (!reachable) throw new SwitchboardException("connection refused");
        logins++;
    }

    @Override
    public Line line(String queue) {
        if (!reachable) throw new SwitchboardException("connection refused");
        return lines.getOrDefault(queue, new Line(0, 0));
    }

    @Override
    public synchronized void originate(Placement placement) {
        if (!reachable) throw new NotPlaced("connection refused", false, null);
        RuntimeException instead = nextOriginate;
        nextOriginate = null;
        if (instead instanceof NotPlaced) throw instead;
        placed.add(placement); // sent: also when the response is late (OutcomeUnknown)
        if (instead != null) throw instead;
    }

    static OutcomeUnknown lateResponse() {
        return new OutcomeUnknown("no response in 5000 ms", null);
    }

    @Override
    public Optional<Integer> answeredAttempt(String mark) {
        if (!reachable || marksUnreadable) throw new SwitchboardException("connection refused");
        return Optional.ofNullable(answeredMarks.get(mark));
    }

    @Override
    public void onEvent(Consumer<DialEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {}
}
