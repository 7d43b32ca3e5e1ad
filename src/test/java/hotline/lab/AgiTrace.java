package hotline.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One channel's AGI conversation as Asterisk logged it (agi set debug on, logger.conf
 * dateformat %F %T.%3q): what the server sent (Rx) and what Asterisk replied (Tx), each
 * with Asterisk's millisecond timestamp. Timings measured here are Asterisk's, not ours.
 */
public record AgiTrace(List<Line> lines) {

    /** {@code sent} true for a command the server sent; false for Asterisk's reply. */
    public record Line(LocalDateTime at, boolean sent, String text) {}

    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\] VERBOSE\\[\\d+\\](?:\\[[^\\]]*\\])? res_agi\\.c: <([^>]+)>AGI (Rx <<|Tx >>) (.*)$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /**
     * The channel's last AGI session in the log: channel names repeat after the lab's
     * Asterisk restarts (its log is kept), so an earlier session of the same name is left out.
     */
    public static AgiTrace of(Path fullLog, String channel) {
        try (var all = Files.lines(fullLog, StandardCharsets.UTF_8)) {
            List<Line> lines = new java.util.ArrayList<>();
            all.map(LINE::matcher).filter(Matcher::matches).filter(m -> m.group(2).equals(channel)).forEach(m -> {
                if (m.group(4).startsWith("agi_request:")) lines.clear(); // a new session's header
                if (m.group(4).startsWith("agi_")) return;                 // the request header
                lines.add(new Line(LocalDateTime.parse(m.group(1), TIME), m.group(3).startsWith("Rx"), m.group(4)));
            });
            return new AgiTrace(List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's full log " + fullLog, e);
        }
    }

    public List<String> commands() {
        return lines.stream().filter(Line::sent).map(Line::text).toList();
    }

    /** Index of the first command sent that starts with {@code prefix}, from {@code from}. */
    public int indexOfCommand(String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).sent() && lines.get(i).text().startsWith(prefix)) return i;
        }
        throw new AssertionError("no command starting with '" + prefix + "' after line " + from + " in " + lines);
    }

    /** Asterisk's reply to the command at {@code i}. */
    public Line replyTo(int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).sent()) return lines.get(j);
        }
        throw new AssertionError("no reply to " + lines.get(i));
    }

    /** From Asterisk finishing the command at {@code i} to receiving the command at {@code j}. */
    public Duration gap(int i, int j) {
        return Duration.between(replyTo(i).at(), lines.get(j).at());
    }
}
