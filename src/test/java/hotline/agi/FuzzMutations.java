package hotline.agi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Seeded random mutations of a recorded FastAGI header and of Asterisk's replies. */
final class FuzzMutations {

    /** Bytes that matter to the line format and to UTF-8. */
    private static final byte[] SHARP = {'\n', '\r', 0, '\t', ':', ' ', 0x7f, (byte) 0xc0, (byte) 0x80, (byte) 0xff, (byte) 0xed, '$'};
    private static final List<InjectionPayloads.Payload> CORPUS = InjectionPayloads.all();

    private FuzzMutations() {}

    /** One to three mutations of {@code header}; the last byte is the blank line's LF, kept unless truncated. */
    static byte[] header(byte[] header, Random random) {
        byte[] h = header;
        for (int n = 1 + random.nextInt(3); n > 0; n--) h = once(h, random);
        return h;
    }

    private static byte[] once(byte[] h, Random r) {
        int at = r.nextInt(Math.max(1, h.length - 1));
        return switch (r.nextInt(8)) {
            case 0 -> { byte[] c = h.clone(); c[at] = (byte) r.nextInt(256); yield c; }
            case 1 -> splice(h, at, 0, new byte[] {SHARP[r.nextInt(SHARP.length)]});
            case 2 -> splice(h, at, 1, new byte[0]);
            case 3 -> Arrays.copyOf(h, at);
            case 4 -> duplicateLine(h, at);
            case 5 -> splice(h, lineEnd(h, at), 0, CORPUS.get(r.nextInt(CORPUS.size())).bytesFor("agi_calleridname"));
            case 6 -> splice(h, h.length, 0, "200 result=56\n".getBytes(StandardCharsets.US_ASCII));
            default -> splice(h, lineEnd(h, at), 0, "y".repeat(1 + r.nextInt(10_000)).getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static int lineEnd(byte[] h, int from) {
        for (int i = from; i < h.length; i++) if (h[i] == '\n') return i;
        return h.length;
    }

    private static byte[] duplicateLine(byte[] h, int at) {
        int start = at;
        while (start > 0 && h[start - 1] != '\n') start--;
        int end = Math.min(h.length, lineEnd(h, at) + 1);
        return splice(h, start, 0, Arrays.copyOfRange(h, start, end));
    }

    private static byte[] splice(byte[] h, int at, int remove, byte[] insert) {
        var out = new ByteArrayOutputStream(h.length + insert.length);
        out.write(h, 0, at);
        out.writeBytes(insert);
        out.write(h, Math.min(h.length, at + remove), Math.max(0, h.length - at - remove));
        return out.toByteArray();
    }

    /** Asterisk's replies, one in ten mutated; null means Asterisk closes the connection. */
    static Function<String, String> replies(Random random) {
        return command -> {
            String reply = FakeAsterisk.silentCaller(command);
            if (random.nextInt(10) != 0) return reply;
            return switch (random.nextInt(10)) {
                case 0 -> reply + "\n200 result=56";
                case 1 -> "HANGUP\n" + reply;
                case 2 -> reply + "\nHANGUP";
                case 3 -> "520-Invalid command syntax.  Proper usage follows:\nUsage: x\n520 End of proper usage.";
                case 4 -> "200 result=0 " + "z".repeat(9_000);
                case 5 -> "511 Command Not Permitted on a dead channel or intercept routine";
                case 6 -> "200 result=" + (random.nextInt(300) - 100) + " endpos=0";
                case 7 -> new String(randomBytes(random), StandardCharsets.ISO_8859_1).replace('\n', ' ');
                case 8 -> "";
                default -> null;
            };
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[1 + random.nextInt(40)];
        random.nextBytes(b);
        return b;
    }

    /** Verbs the server's flows send; anything else reaching the fake would be a foreign command. */
    static final List<String> KNOWN_VERBS = new ArrayList<>(List.of("ANSWER", "SET VARIABLE", "STREAM FILE", "EXEC",
            "GET VARIABLE", "GET FULL VARIABLE", "HANGUP", "CHANNEL STATUS", "VERBOSE", "WAIT FOR DIGIT", "GET DATA",
            "RECORD FILE", "SAY DIGITS", "SAY NUMBER", "CONTROL STREAM FILE", "GET OPTION"));
}
