package hotline.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written forms of {@code hours:} (docs/configuration.md), read strictly: each method returns
 * the value or throws {@link IllegalArgumentException} with a message that says what was expected.
 */
public final class HoursText {

    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EVERY_YEAR = Pattern.compile("(\\d{2})-(\\d{2})");
    /** The longest run of holiday dates: a holiday longer than a year is a mistake. */
    private static final int LONGEST_SPAN_DAYS = 366;

    private HoursText() {}

    /** An IANA zone id ({@code Europe/Berlin}, {@code UTC}): Asterisk's GotoIfTime takes the same names. */
    public static ZoneId zone(String text) {
        try {
            ZoneId zone = ZoneId.of(text.strip());
            if (zone instanceof ZoneOffset) throw new DateTimeException("an offset");
            return zone;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(quote(text) + " is not an IANA time zone (e.g. Europe/Berlin, Asia/Seoul)");
        }
    }

    public static DayOfWeek weekday(String text) {
        try {
            return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(quote(text) + " is not a day of the week (monday .. sunday)");
        }
    }

    /** {@code 09:00-18:00}: from 09:00, closed again at 18:00; {@code 24:00} ends a range at midnight. */
    public static TimeRange range(String text) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException(quote(text) + " is not a time range (e.g. 09:00-18:00)");
        int from = minute(text, m.group(1), m.group(2), false);
        int to = minute(text, m.group(3), m.group(4), true);
        if (to <= from) {
            throw new IllegalArgumentException(quote(text) + (to == from ? " is empty" : " ends before it starts"
                    + " (a range stays within one day: write 22:00-24:00, and 00:00-06:00 on the next day)"));
        }
        return new TimeRange(from, to);
    }

    /** The ranges of one day, sorted; refused when two overlap or there is none. */
    public static List<TimeRange> ranges(List<String> texts) {
        if (texts.isEmpty()) throw new IllegalArgumentException("no opening hours: leave the day out when it is closed");
        var ranges = new ArrayList<TimeRange>();
        for (String t : texts) ranges.add(range(t));
        ranges.sort(java.util.Comparator.comparingInt(TimeRange::fromMinute));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i - 1).overlaps(ranges.get(i))) {
                throw new IllegalArgumentException(ranges.get(i - 1) + " and " + ranges.get(i) + " overlap");
            }
        }
        return List.copyOf(ranges);
    }

    /** {@code 2026-05-01}, {@code 12-25} (every year) or {@code 2026-12-24..2026-12-31}. */
    public static DaySpan holiday(String text, String name) {
        String t = text.strip();
        Matcher every = EVERY_YEAR.matcher(t);
        if (every.matches()) {
            try {
                return DaySpan.everyYear(MonthDay.of(Integer.parseInt(every.group(1)), Integer.parseInt(every.group(2))), name);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(quote(text) + " is not a day of the year (MM-DD, e.g. 12-25)");
            }
        }
        String[] ends = t.split("\\.\\.", -1);
        if (ends.length > 2) throw new IllegalArgumentException(quote(text) + " is not a date range (e.g. 2026-12-24..2026-12-31)");
        LocalDate first = date(ends[0]);
        LocalDate last = ends.length == 2 ? date(ends[1]) : first;
        if (last.isBefore(first)) throw new IllegalArgumentException(quote(text) + " ends before it starts");
        if (first.plusDays(LONGEST_SPAN_DAYS).isBefore(last)) {
            throw new IllegalArgumentException(quote(text) + " is longer than a year");
        }
        return DaySpan.dates(first, last, name);
    }

    /** {@code 2026-12-24}. */
    public static LocalDate date(String text) {
        String t = text.strip();
        try {
            if (!DATE.matcher(t).matches()) throw new DateTimeParseException("", t, 0);
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(quote(text) + " is not a date (YYYY-MM-DD, e.g. 2026-12-24)");
        }
    }

    /** The message of {@code parse}'s refusal, or empty when {@code parse} accepts. */
    public static Optional<String> problem(Runnable parse) {
        try {
            parse.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static int minute(String text, String hh, String mm, boolean end) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        boolean midnight = end && h == 24 && m == 0;
        if (!midnight && (h > 23 || m > 59)) {
            throw new IllegalArgumentException(quote(text) + ": " + hh + ":" + mm + " is not a time of day (00:00..23:59"
                    + (end ? ", or 24:00 to end at midnight)" : ")"));
        }
        return h * 60 + m;
    }

    private static String quote(String text) {
        String t = String.valueOf(text);
        return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
    }
}
