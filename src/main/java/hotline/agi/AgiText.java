package hotline.agi;

/**
 * Caller-controlled text (caller ID name and number, dialled digits, channel variables)
 * made safe before it reaches an AGI command, a channel variable or the journal:
 * control characters (CR, LF, NUL ...) removed, {@code ${...}} and {@code $[...]} defused,
 * length capped far below AGI's 8 KB line.
 */
public final class AgiText {

    /** Longest caller-controlled value kept; caller IDs are far shorter in practice. */
    public static final int MAX_LENGTH = 256;

    private AgiText() {}

    public static String clean(String raw) {
        return clean(raw, MAX_LENGTH);
    }

    public static String clean(String raw, int maxLength) {
        if (raw == null || raw.equals("unknown")) {
            return "";
        }
        var sb = new StringBuilder(Math.min(raw.length(), maxLength));
        for (int i = 0; i < raw.length() && sb.length() < maxLength; i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (c == '$') {
                continue; // Asterisk would substitute ${...} / $[...] in EXEC arguments
            }
            sb.append(c);
        }
        return sb.toString().strip();
    }

    /**
     * For a value placed inside an EXEC argument list: also drops the separators and
     * quoting characters that would split or escape the argument.
     */
    public static String execArgument(String raw) {
        return clean(raw).replaceAll("[,|\"\\\\;]", "");
    }
}
