package hotline.agi;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The FastAGI request header, read as bytes and checked before Asterisk-Java sees it.
 * Asterisk writes {@code agi_<key>: <value>\n} lines and a blank line, unescaped, so a
 * caller-ID name holding a line break could add keys or end the header early; anything
 * that does not look exactly like what Asterisk writes is refused, never repaired.
 */
final class AgiHeader {

    /** Longest line, counting its LF: 8,191 bytes of text and the LF. */
    static final int MAX_LINE_BYTES = 8192;
    /** Asterisk 22 sends about 20 lines plus one per AGI() argument. */
    static final int MAX_LINES = 100;
    /** Lines Asterisk always sends; a header cut short by a forged blank line lacks some of them. */
    static final Set<String> REQUIRED = Set.of("agi_network_script", "agi_request", "agi_channel",
            "agi_uniqueid", "agi_callerid", "agi_calleridname", "agi_context", "agi_extension", "agi_priority");

    /**
     * A caller-ID name set to "" (a FILTER() that removed everything): Asterisk-Java drops
     * empty values and, without agi_calleridname, parses agi_callerid the Asterisk 1.0 way,
     * making the number the name. "unknown" is what Asterisk itself writes for no name.
     */
    private static final String EMPTY_NAME = "agi_calleridname: ";

    private AgiHeader() {}

    /** Why a request was refused; the reason goes to the log and the journal, never to Asterisk. */
    static final class Refused extends Exception {
        private final boolean sentAnything;

        Refused(String reason) {
            this(reason, true);
        }

        Refused(String reason, boolean sentAnything) {
            super(reason, null, false, false);
            this.sentAnything = sentAnything;
        }

        /** False for a connection that sent not one byte: a port scan or an idle socket. */
        boolean sentAnything() {
            return sentAnything;
        }
    }

    /** The header's lines, in order, without the blank line that ends it. */
    static List<String> read(AgiLineReader reader, Duration timeout) throws Refused {
        try {
            return readLines(reader, timeout);
        } catch (Refused r) {
            throw new Refused(r.getMessage(), reader.bytesRead() > 0);
        }
    }

    private static List<String> readLines(AgiLineReader reader, Duration timeout) throws Refused {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try {
            while (true) {
                byte[] raw = reader.readLine(MAX_LINE_BYTES, deadline);
                if (raw == null) throw new Refused("closed before the end of the header");
                if (raw.length == 0) break;
                if (lines.size() == MAX_LINES) throw new Refused("more than " + MAX_LINES + " lines");
                String line = checkedText(raw, lines.size() + 1);
                String key = keyOf(line, lines.size() + 1);
                if (!keys.add(key)) throw new Refused("duplicate key " + key);
                lines.add(line.equals(EMPTY_NAME) ? EMPTY_NAME + "unknown" : line);
            }
            if (reader.hasWaitingBytes()) throw new Refused("bytes after the end of the header");
        } catch (SocketTimeoutException e) {
            throw new Refused("no complete header within " + timeout.toMillis() + " ms");
        } catch (AgiLineReader.LineTooLong e) {
            throw new Refused("line " + (lines.size() + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
        } catch (IOException e) {
            throw new Refused("connection failed during the header: " + e.getMessage());
        }
        for (String key : REQUIRED) {
            if (!keys.contains(key)) throw new Refused("no " + key + " line");
        }
        return lines;
    }

    /** Strict UTF-8 without control characters: no CR (not even before the LF), NUL, TAB, DEL or C1. */
    private static String checkedText(byte[] raw, int lineNumber) throws Refused {
        for (byte b : raw) {
            int unsigned = b & 0xff;
            if (unsigned < 0x20 || unsigned == 0x7f) {
                throw new Refused(String.format("control character 0x%02x in line %d", unsigned, lineNumber));
            }
        }
        String text;
        try {
            // REPORT, not REPLACE: overlong forms, surrogates and stray bytes are refused
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("malformed UTF-8 in line " + lineNumber);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new Refused(String.format("control character U+%04X in line %d", (int) text.charAt(i), lineNumber));
            }
        }
        return text;
    }

    /** {@code agi_} and lower-case letters, digits or underscores, then ": " exactly as Asterisk writes it. */
    private static String keyOf(String line, int lineNumber) throws Refused {
        int colon = line.indexOf(':');
        if (colon <= 4 || !line.startsWith("agi_") || !line.startsWith(": ", colon)) {
            throw new Refused("line " + lineNumber + " is not agi_<key>: <value>");
        }
        String key = line.substring(0, colon);
        for (int i = 4; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                throw new Refused("line " + lineNumber + " has a key outside agi_[a-z0-9_]");
            }
        }
        return key;
    }
}
