package hotline.agi;

/** What may go into an AMI header value: printable ASCII only, so no value can end a header. */
final class AmiText {

    private static final int MAX = 512;

    private AmiText() {}

    /** Returns {@code value}; throws {@link IllegalArgumentException} naming {@code what} otherwise. */
    static String requireSafe(String what, String value) {
        if (value == null) throw new IllegalArgumentException(what + ": missing");
        if (value.length() > MAX) throw new IllegalArgumentException(what + ": longer than " + MAX + " characters");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch > 0x7e) {
                throw new IllegalArgumentException(what + ": character " + String.format("U+%04X", (int) ch)
                        + " at " + i + " may not go into an AMI header");
            }
        }
        return value;
    }
}
