package hotline.hours;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * A holiday as ops write it: one date ({@code 2026-05-01}), every year on a day
 * ({@code 12-25}), or a run of dates ({@code 2026-12-24..2026-12-31}, both included).
 *
 * @param everyYear the day of every year; empty for dated holidays
 * @param first     the first date (dated holidays only; {@link LocalDate#MIN} for every-year ones)
 * @param last      the last date, at or after {@code first}
 * @param name      what it is called (for people, the journal and the dialplan's comments)
 */
public record DaySpan(Optional<MonthDay> everyYear, LocalDate first, LocalDate last, String name) {

    public static DaySpan everyYear(MonthDay day, String name) {
        return new DaySpan(Optional.of(day), LocalDate.MIN, LocalDate.MIN, name);
    }

    public static DaySpan dates(LocalDate first, LocalDate last, String name) {
        return new DaySpan(Optional.empty(), first, last, name);
    }

    public boolean covers(LocalDate date) {
        return everyYear.map(d -> d.equals(MonthDay.from(date)))
                .orElseGet(() -> !date.isBefore(first) && !date.isAfter(last));
    }
}
