package hotline.store;

import java.util.regex.Pattern;

/** Validation shared by the store's records; messages start with the field's kebab-case name. */
final class Fields {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Fields() {}

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static String language(String value) {
        check(value != null && LANGUAGE.matcher(value).matches(),
                "language: '" + shown(value) + "' is not a language code like en, es, zh, ko, yue");
        return value;
    }

    /** Reason codes and attempt results: lower-case letters, digits and '-'. */
    static String code(String key, String value) {
        check(value != null && CODE.matcher(value).matches(),
                key + ": '" + shown(value) + "' is not a code (lower-case letters, digits and '-', at most 40)");
        return value;
    }

    /** A recording's file name, relative to Asterisk's recordings folder; never climbs out of it. */
    static String fileName(String key, String value) {
        check(value != null && FILE_NAME.matcher(value).matches() && !value.contains(".."),
                key + ": '" + shown(value) + "' is not a relative file name");
        return value;
    }

    /** Caller-controlled text (caller ID): printable, at most 80 characters. */
    static String text(String key, String value) {
        check(value != null && value.length() <= 80 && !CONTROL.matcher(value).find(),
                key + ": must be printable text of at most 80 characters");
        return value;
    }

    /** Caller ID digits as the caller records keep them: 1 to 20 digits, nothing else. */
    static String callerNumber(String value) {
        check(value != null && value.matches("[0-9]{1,20}"),
                "caller-number: '" + shown(value) + "' is not a caller ID number (1 to 20 digits, nothing else)");
        return value;
    }

    /** Printable text of at most {@code max} characters (a channel name, a queue, a reason ops typed). */
    static String bounded(String key, String value, int max) {
        check(value != null && value.length() <= max && !CONTROL.matcher(value).find(),
                key + ": must be printable text of at most " + max + " characters");
        return value;
    }

    /** A value for an error message, shortened and without control characters. */
    static String shown(String value) {
        return shown(value, 40);
    }

    /** As {@link #shown(String)}, at most {@code max} characters. */
    static String shown(String value, int max) {
        if (value == null) return "(none)";
        String clean = CONTROL.matcher(value).replaceAll("?");
        return clean.length() > max ? clean.substring(0, max - 1) + "…" : clean;
    }
}
