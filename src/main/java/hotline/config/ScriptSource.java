package hotline.config;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where calls take their script from: one snapshot per call, read at its start. A reload swaps
 * the script atomically; a call in progress keeps the one it started with.
 */
public final class ScriptSource implements Supplier<Script> {

    private final AtomicReference<Script> current;

    public ScriptSource(Script first) {
        current = new AtomicReference<>(java.util.Objects.requireNonNull(first));
    }

    /** The script a call starting now follows. */
    @Override
    public Script get() {
        return current.get();
    }

    /** Calls starting from now follow {@code next}; returns the script they followed until now. */
    public Script swap(Script next) {
        return current.getAndSet(java.util.Objects.requireNonNull(next));
    }
}
