package hotline.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Callbacks as CSV (RFC 4180, a header line) or as a JSON array; the same kebab-case fields. */
final class CallbackExport {

    static final List<String> FIELDS = List.of("id", "created-at", "callback-number", "language", "reason",
            "promised-by", "queue", "state", "attempts", "last-attempt-at", "last-result", "recording",
            "caller-id", "waited-s");

    /** Never closes the caller's writer (stdout, or a file the caller closes). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9 ]*");

    private CallbackExport() {}

    static void write(List<CallbackRequest> callbacks, ExportFormat format, Writer out) {
        try {
            switch (format) {
                case CSV -> writeCsv(callbacks, out);
                case JSON -> JSON.writeValue(out, callbacks.stream().map(CallbackExport::fields).toList());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    /** One callback's fields in {@link #FIELDS} order; absent values are JSON null. */
    static Map<String, Object> fields(CallbackRequest c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id());
        m.put("created-at", c.createdAt().toString());
        m.put("callback-number", c.number().digits());
        m.put("language", c.language());
        m.put("reason", c.reason());
        m.put("promised-by", c.promisedBy().toString());
        m.put("queue", c.queue().code());
        m.put("state", c.state().code());
        m.put("attempts", c.attempts());
        m.put("last-attempt-at", c.lastAttemptAt().map(Object::toString).orElse(null));
        m.put("last-result", c.lastResult().orElse(null));
        m.put("recording", c.recording().orElse(null));
        m.put("caller-id", c.caller().callerId().orElse(null));
        m.put("waited-s", c.caller().waited().toSeconds());
        return m;
    }

    private static void writeCsv(List<CallbackRequest> callbacks, Writer out) throws IOException {
        out.write(String.join(",", FIELDS) + "\r\n");
        for (CallbackRequest c : callbacks) {
            out.write(fields(c).values().stream().map(CallbackExport::csvField).collect(Collectors.joining(",")));
            out.write("\r\n");
        }
    }

    /**
     * RFC 4180 quoting. Text a spreadsheet would run as a formula (=, @, or + and - before
     * anything but a number) gets a leading apostrophe: the caller ID is caller-controlled.
     */
    static String csvField(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (!s.isEmpty() && "=@+-".indexOf(s.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(s).matches()) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
