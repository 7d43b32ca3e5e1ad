package hotline.hours;

import java.time.LocalTime;

/**
 * Opening hours within one day, as ops write them: {@code 09:00-18:00} is open from 09:00 up to
 * (not including) 18:00; {@code 24:00} may end a range that lasts to midnight.
 *
 * @param fromMinute the first minute open, 0..1439 (minutes after midnight)
 * @param toMinute   the first minute closed again, fromMinute+1..1440
 */
public record TimeRange(int fromMinute, int toMinute) {

    public static final int DAY = 24 * 60;

    public TimeRange {
        if (fromMinute < 0 || toMinute > DAY || toMinute <= fromMinute) {
            throw new IllegalArgumentException("not a range within a day: " + fromMinute + ".." + toMinute);
        }
    }

    /** Whether {@code time} (to the second) falls in the range. */
    public boolean contains(LocalTime time) {
        int minute = time.toSecondOfDay() / 60;
        return minute >= fromMinute && minute < toMinute;
    }

    public boolean overlaps(TimeRange other) {
        return fromMinute < other.toMinute && other.fromMinute < toMinute;
    }

    public LocalTime from() {
        return LocalTime.of(fromMinute / 60, fromMinute % 60);
    }

    @Override
    public String toString() {
        return hhmm(fromMinute) + "-" + hhmm(toMinute);
    }

    static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
