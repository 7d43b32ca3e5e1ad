package hotline.store;

import java.util.Arrays;
import java.util.Optional;

/** The line a callback waits in: the agents' or the team lead's (call-scripts.md §6). */
public enum CallbackQueue {
    HOTLINE("hotline"),
    TEAMLEAD("teamlead");

    private final String code;

    CallbackQueue(String code) {
        this.code = code;
    }

    /** The stable name in the database, exports and the CLI. */
    public String code() {
        return code;
    }

    public static Optional<CallbackQueue> ofCode(String code) {
        return Arrays.stream(values()).filter(q -> q.code.equalsIgnoreCase(code)).findFirst();
    }
}
