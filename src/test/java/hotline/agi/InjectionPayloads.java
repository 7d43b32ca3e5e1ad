package hotline.agi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The injection corpus: values a caller (or whoever sets a channel variable) can put into
 * one line of the FastAGI header, as the raw bytes Asterisk would write unescaped. Each
 * one is either harmless text the call must survive unchanged, or breaks the line format
 * and must be refused.
 */
final class InjectionPayloads {

    enum Verdict { RUNS_THE_CLEAN_CALL, REFUSED }

    /** {@code value} builds the bytes for a given key: the 8 KB payloads depend on the key's length. */
    record Payload(String name, Verdict verdict, Function<String, byte[]> value) {
        byte[] bytesFor(String key) {
            return value.apply(key);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private InjectionPayloads() {}

    static List<Payload> all() {
        List<Payload> p = new ArrayList<>();
        // text that only looks dangerous: the call runs as if the value were "Robot"
        harmless(p, "a dialplan function ${SHELL(id)}", "${SHELL(id)}");
        harmless(p, "an expression $[1+1]", "Eve $[1+1]");
        harmless(p, "a variable ${CALLERID(num)}", "${CALLERID(num)}");
        harmless(p, "double quotes breaking out of an AGI argument", "Eve\" \"1234598\" EXEC System \"id");
        harmless(p, "single quotes", "O'Brien 'x'");
        harmless(p, "backslashes", "back\\slash\\\\ \\n \\\"");
        harmless(p, "a forged reply on the same line", "200 result=56");
        harmless(p, "a forged key on the same line", "Eve agi_uniqueid: 1764000000.7");
        harmless(p, "a HANGUP notice", "HANGUP");
        harmless(p, "shell syntax", "$(id) `id` ; rm -rf / | cat &");
        harmless(p, "argument separators", "a,b|c;d");
        harmless(p, "percent-encoded line breaks", "Eve%0d%0aagi_uniqueid:%201");
        harmless(p, "valid UTF-8 in several scripts", "José 李小龍 김철수 陳大文");
        harmless(p, "a four-byte emoji", "Eve \uD83D\uDCDE");
        harmless(p, "a right-to-left override", "Eve\u202Egnp.exe");
        harmless(p, "a Unicode line separator", "Eve\u2028agi_uniqueid: 1");
        harmless(p, "an empty value", "");
        harmless(p, "the word unknown", "unknown");
        p.add(new Payload("a line of 8,191 bytes (8 KB with its LF)", Verdict.RUNS_THE_CLEAN_CALL,
                key -> filler(8191 - (key + ": ").length())));
        // anything that breaks the line format is refused, never repaired
        refused(p, "LF and a forged agi_uniqueid", text("Eve\nagi_uniqueid: 1764000000.7"));
        refused(p, "a lone CR and a forged agi_uniqueid", text("Eve\ragi_uniqueid: 1764000000.7"));
        refused(p, "CRLF and a forged agi_uniqueid", text("Eve\r\nagi_uniqueid: 1764000000.7"));
        refused(p, "a CR right before the LF", text("Eve\r"));
        refused(p, "a blank line and forged replies", text("Eve\n\n200 result=0\n200 result=0\n200 result=56"));
        refused(p, "LF and the same key again", text("Eve\nagi_calleridname: Mallory"));
        refused(p, "LF and a line without a key", text("Eve\ngarbage"));
        refused(p, "NUL", text("Eve\0Mallory"));
        refused(p, "TAB", text("Eve\tMallory"));
        refused(p, "BEL", text("Eve\u0007"));
        refused(p, "an ANSI escape", text("\u001b[31mEve\u001b[0m"));
        refused(p, "DEL", text("Eve\u007f"));
        refused(p, "a C1 NEL", text("Eve\u0085agi_uniqueid: 1"));
        p.add(new Payload("a line of 8,192 bytes (one past 8 KB with its LF)", Verdict.REFUSED,
                key -> filler(8192 - (key + ": ").length())));
        refused(p, "a line of 100 KB", filler(100_000));
        refused(p, "an overlong '/' (C0 AF)", bytes(0x45, 0xc0, 0xaf));
        refused(p, "an overlong NUL (C0 80)", bytes(0x45, 0xc0, 0x80));
        refused(p, "a three-byte overlong '/' (E0 80 AF)", bytes(0x45, 0xe0, 0x80, 0xaf));
        refused(p, "an overlong LF (C0 8A)", bytes(0x45, 0xc0, 0x8a));
        refused(p, "a lone continuation byte", bytes(0x45, 0x80));
        refused(p, "the byte FF", bytes(0x45, 0xff));
        refused(p, "a UTF-8 encoded surrogate", bytes(0x45, 0xed, 0xa0, 0x80));
        refused(p, "a truncated multi-byte character", bytes(0x45, 0xe4, 0xb8));
        refused(p, "Latin-1 instead of UTF-8", bytes('J', 'o', 's', 0xe9));
        return p;
    }

    private static void harmless(List<Payload> p, String name, String value) {
        byte[] bytes = text(value);
        p.add(new Payload(name, Verdict.RUNS_THE_CLEAN_CALL, key -> bytes));
    }

    private static void refused(List<Payload> p, String name, byte[] bytes) {
        p.add(new Payload(name, Verdict.REFUSED, key -> bytes));
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        var out = new ByteArrayOutputStream();
        for (int v : values) out.write(v);
        return out.toByteArray();
    }

    private static byte[] filler(int length) {
        return "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
    }

    /** The header with {@code key}'s value replaced by raw bytes (the key added when absent). */
    static byte[] headerWith(FakeAsterisk asterisk, String key, byte[] value) {
        var out = new ByteArrayOutputStream();
        boolean replaced = false;
        for (var e : asterisk.request.entrySet()) {
            out.writeBytes(text(e.getKey() + ": "));
            out.writeBytes(e.getKey().equals(key) ? value : text(e.getValue()));
            out.write('\n');
            replaced |= e.getKey().equals(key);
        }
        if (!replaced) {
            out.writeBytes(text(key + ": "));
            out.writeBytes(value);
            out.write('\n');
        }
        out.write('\n');
        return out.toByteArray();
    }
}
