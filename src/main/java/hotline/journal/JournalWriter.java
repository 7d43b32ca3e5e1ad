package hotline.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import hotline.files.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one JSON line per call to the journal file, flushed at once. A new journal is
 * created 0600 (callers' numbers are in it). A line written after {@link #close()} (a call cut
 * by the drain finishing late) is still appended: the file is opened for it alone.
 */
public final class JournalWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("instants").addSerializer(Instant.class, ToStringSerializer.instance));

    private final Path file;
    private final BufferedWriter out;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CallRecord>> recordListeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    public JournalWriter(Path file) {
        this.file = file;
        try {
            out = open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file, e);
        }
    }

    private static BufferedWriter open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(PrivateFiles.append(file), StandardCharsets.UTF_8));
    }

    /** Also hands each line to {@code listener} (tests and live views). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Also hands each call's record, once written, to {@code listener} (the metrics). */
    public void addRecordListener(Consumer<CallRecord> listener) {
        recordListeners.add(listener);
    }

    /** The journal line of {@code record}, as {@link #write} appends it (the simulator prints it too). */
    public static String line(CallRecord record) {
        try {
            return JSON.writeValueAsString(record.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("journal line could not be built", e);
        }
    }

    public void write(CallRecord record) {
        String line;
        try {
            line = line(record);
        } catch (UncheckedIOException e) {
            log.error("journal line could not be built", e);
            return;
        }
        synchronized (out) {
            try {
                if (closed) {
                    try (Writer late = open(file)) {
                        late.write(line + System.lineSeparator());
                    }
                } else {
                    out.write(line);
                    out.newLine();
                    out.flush();
                }
            } catch (IOException e) {
                log.error("journal write failed: {}", line, e);
            }
        }
        listeners.forEach(l -> l.accept(line));
        for (var l : recordListeners) {
            try {
                l.accept(record);
            } catch (RuntimeException e) { // a listener never costs a call its journal line
                log.warn("journal record listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                log.warn("journal close failed", e);
            }
        }
    }
}
