package hotline.store;

import java.util.Optional;

/** Which callbacks {@link CallbackStore#list} returns; empty parts match everything. */
public record CallbackFilter(Optional<CallbackState> state, Optional<CallbackQueue> queue) {

    public CallbackFilter {
        Fields.check(state != null && queue != null, "filter: use Optional.empty() for 'any'");
    }

    public static CallbackFilter all() {
        return new CallbackFilter(Optional.empty(), Optional.empty());
    }

    public static CallbackFilter inState(CallbackState state) {
        return new CallbackFilter(Optional.of(state), Optional.empty());
    }

    public CallbackFilter inQueue(CallbackQueue queue) {
        return new CallbackFilter(state, Optional.of(queue));
    }
}
