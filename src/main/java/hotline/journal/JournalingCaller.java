package hotline.journal;

import hotline.flow.Caller;
import hotline.flow.Line;
import hotline.flow.Switch;

/** A caller whose every step, on the line and on the switch, is recorded before it is taken. */
public final class JournalingCaller {

    private JournalingCaller() {}

    public static Caller of(Caller inner, CallRecord record) {
        return of(inner, inner, record);
    }

    public static Caller of(Line line, Switch phoneSwitch, CallRecord record) {
        return Caller.of(new JournalingLine(line, record), new JournalingSwitch(phoneSwitch, record));
    }
}
