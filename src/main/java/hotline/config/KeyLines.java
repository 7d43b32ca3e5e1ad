package hotline.config;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Finds the line of a key path in YAML text, so that an error names the line ops must
 * edit (the YAML parser's own position is often the token after the mistake).
 */
final class KeyLines {

    private KeyLines() {}

    /** 1-based line of the last key of {@code path}, found in order below its parents. */
    static OptionalInt lineOf(String yaml, List<String> path) {
        String[] lines = yaml.split("\n", -1);
        int from = 0;
        int found = -1;
        for (String key : path) {
            Pattern p = Pattern.compile("^\\s*(-\\s+)?\"?" + Pattern.quote(key) + "\"?\\s*:.*");
            int at = -1;
            for (int i = from; i < lines.length; i++) {
                if (p.matcher(lines[i]).matches()) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                break;
            }
            found = at;
            from = at + 1;
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found + 1);
    }
}
