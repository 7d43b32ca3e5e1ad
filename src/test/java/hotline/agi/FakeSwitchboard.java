package hotline.agi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Asterisk as the dialler sees it, set by the test: queue states, the calls placed, events sent back. */
final class FakeSwitchboard implements Switchboard {

    final List<Placement> placed = new ArrayList<>();
    private final Map<String, Line> lines = new HashMap<>();
    private final List<Consumer<DialEvent>> listeners = new ArrayList<>();
    boolean reachable = true;
    int logins;

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
    public void originate(Placement placement) {
        if (!reachable) throw new SwitchboardException("connection refused");
        placed.add(placement);
    }

    @Override
    public void onEvent(Consumer<DialEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {}
}
