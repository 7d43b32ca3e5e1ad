package hotline.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where calls take their script from: one snapshot per call, read at its start. A reload swaps
 * the script atomically; a call in progress keeps the one it started with. Every script it
 * holds has a version, {@code <n>-<hash>}: a counter (1 at start, one more per swap) and the
 * first 8 hex digits of the SHA-256 of the config file's text it was loaded from.
 */
public final class ScriptSource implements Supplier<Script> {

    /** A script and its version, taken together so a call never pairs one with the other's. */
    public record Snapshot(Script script, String version) {
        public Snapshot {
            Objects.requireNonNull(script);
            Objects.requireNonNull(version);
        }
    }

    private final AtomicReference<Snapshot> current;
    private int swaps = 1;

    /** The first script, loaded from a file whose text hashes to {@code contentHash} ({@link #hashOf}). */
    public ScriptSource(Script first, String contentHash) {
        current = new AtomicReference<>(new Snapshot(first, "1-" + contentHash));
    }

    /** A script built in code (tests): its hash is that of its description. */
    public ScriptSource(Script first) {
        this(first, hashOf(first.toString()));
    }

    /** The script a call starting now follows. */
    @Override
    public Script get() {
        return current.get().script();
    }

    /** The script a call starting now follows, with its version. */
    public Snapshot snapshot() {
        return current.get();
    }

    /** Calls starting from now follow {@code next}; returns the script they followed until now. */
    public Script swap(Script next) {
        return swap(next, hashOf(next.toString())).script();
    }

    /** Calls starting from now follow {@code next}, the next version; returns the snapshot it replaced. */
    public synchronized Snapshot swap(Script next, String contentHash) {
        swaps++;
        return current.getAndSet(new Snapshot(Objects.requireNonNull(next), swaps + "-" + contentHash));
    }

    /** The first 8 hex digits of the SHA-256 of {@code text}. */
    public static String hashOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
