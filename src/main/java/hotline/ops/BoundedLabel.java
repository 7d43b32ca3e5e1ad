package hotline.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Label values with a bound on how many there can be: the first {@code max} distinct values
 * that look like codes are kept, anything else is {@code other}. A caller or a bug can never
 * make a metric grow without end.
 */
final class BoundedLabel {

    static final String OTHER = "other";
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final int max;

    BoundedLabel(int max) {
        this.max = max;
    }

    String of(String value) {
        if (value == null || !CODE.matcher(value).matches()) return OTHER;
        if (seen.contains(value)) return value;
        synchronized (seen) {
            if (seen.size() >= max) return OTHER;
            seen.add(value);
        }
        return value;
    }
}
