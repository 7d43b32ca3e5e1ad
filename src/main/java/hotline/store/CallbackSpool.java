package hotline.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local spool of confirmed requests the store could not take: one JSON line each,
 * appended and fsync'd before the caller hears the promise, in a file only the server's user
 * can read (0600). Replayed entries are removed by rewriting the file (a new file, fsync'd,
 * moved into place), so a crash at any moment leaves each entry in the file or in the store —
 * or in both, which the request key makes harmless.
 */
final class CallbackSpool {

    private static final Logger log = LoggerFactory.getLogger(CallbackSpool.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One spooled request: what the store's save needs, and when it was asked. */
    record Entry(String key, long askedAtMs, String number, String language, String reason, String queue,
                 String recording, String callerId, long waitedMs, Long promiseMs) {

        static Entry of(String key, Instant askedAt, NewCallback r) {
            return new Entry(key, askedAt.toEpochMilli(), r.number().digits(), r.language(), r.reason(),
                    r.queue().code(), r.recording().orElse(null), r.caller().callerId().orElse(null),
                    r.caller().waited().toMillis(), r.promise().map(Duration::toMillis).orElse(null));
        }

        Instant askedAt() {
            return Instant.ofEpochMilli(askedAtMs);
        }

        NewCallback request() {
            var caller = new CallerDetails(Optional.ofNullable(callerId), Duration.ofMillis(waitedMs));
            return new NewCallback(CallbackNumber.of(number), language, reason,
                    CallbackQueue.of(queue),
                    Optional.ofNullable(recording), caller,
                    Optional.ofNullable(promiseMs).map(Duration::ofMillis)); // absent from older spool lines: the store's promise
        }
    }

    private final Path file;

    CallbackSpool(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends one entry and returns once it is on disk (fsync). */
    synchronized void append(Entry entry) {
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            PrivateFiles.create(file);
            try (var ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(line));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a callback to " + file, e);
        }
    }

    /** Every entry now in the spool; a line that cannot be read is logged and kept. */
    synchronized List<Entry> entries() {
        if (!Files.exists(file)) return List.of();
        var entries = new ArrayList<Entry>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    entries.add(JSON.readValue(line, Entry.class));
                } catch (IOException bad) {
                    log.error("spool {}: a line cannot be read and stays there for a person: {}", file,
                            Fields.shown(line, 120));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool " + file, e);
        }
        return entries;
    }

    /** Removes the entries with these keys; lines appended meanwhile, and unreadable lines, stay. */
    synchronized void remove(Set<String> keys) {
        if (keys.isEmpty() || !Files.exists(file)) return;
        try {
            var kept = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                String key = keyOf(line);
                if (key == null || !keys.contains(key)) kept.append(line).append('\n');
            }
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            try (var ch = PrivateFiles.createNew(next)) {
                ch.write(ByteBuffer.wrap(kept.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the spool " + file, e);
        }
    }

    private static String keyOf(String line) {
        try {
            return JSON.readTree(line).path("key").asText(null);
        } catch (IOException bad) {
            return null;
        }
    }

    private void syncFolder() {
        Path folder = file.toAbsolutePath().getParent();
        try (var ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot sync folder {}: {}", folder, e.toString());
        }
    }
}
