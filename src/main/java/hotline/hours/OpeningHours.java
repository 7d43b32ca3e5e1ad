package hotline.hours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When the hotline is open (call-scripts.md §1 and §5), in the configured time zone: the weekly
 * hours, except on holidays, and an exceptional opening's hours on its date instead of both.
 * Pure: every question takes the instant it is about (the call's injected clock), so a test can
 * ask about any date, a daylight-saving change included. No weekly hours at all: always open.
 */
public final class OpeningHours {

    /** What the day after a call is: the closing wishes a good weekend or holiday before one (§1). */
    public enum NextDay { WORKING_DAY, WEEKEND, HOLIDAY }

    /** Far enough ahead to pass a year-long holiday run and reach the week after it. */
    private static final int SEARCH_DAYS = 400;

    public static final OpeningHours ALWAYS_OPEN = new OpeningHours(ZoneId.of("UTC"), Map.of(), Set.of(), List.of(), Map.of());

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> weekly;
    private final Set<DayOfWeek> weekend;
    private final List<DaySpan> holidays;
    private final Map<LocalDate, List<TimeRange>> exceptions;

    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<TimeRange>> weekly, Set<DayOfWeek> weekend,
                        List<DaySpan> holidays, Map<LocalDate, List<TimeRange>> exceptions) {
        this.zone = zone;
        this.weekly = weekly.isEmpty() ? Map.of() : new EnumMap<>(weekly);
        this.weekend = weekend.isEmpty() ? Set.of() : EnumSet.copyOf(weekend);
        this.holidays = List.copyOf(holidays);
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean alwaysOpen() {
        return weekly.isEmpty();
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant when) {
        if (alwaysOpen()) return true;
        ZonedDateTime local = when.atZone(zone);
        return rangesOn(local.toLocalDate()).stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    /** {@code when} itself while open, else the start of the next opening; empty when none is within a year. */
    public Optional<Instant> nextOpening(Instant when) {
        if (isOpen(when)) return Optional.of(when);
        LocalDate today = when.atZone(zone).toLocalDate();
        for (int d = 0; d <= SEARCH_DAYS; d++) {
            LocalDate date = today.plusDays(d);
            for (TimeRange range : rangesOn(date)) {
                // a start in a daylight-saving gap moves on by the gap, as the wall clock does
                Instant start = ZonedDateTime.of(date, range.from(), zone).toInstant();
                if (start.isAfter(when)) return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** The day after {@code when}'s date: a holiday, a weekend day, or a working day (an exceptional opening is one). */
    public NextDay nextDay(Instant when) {
        if (alwaysOpen()) return NextDay.WORKING_DAY;
        LocalDate tomorrow = when.atZone(zone).toLocalDate().plusDays(1);
        if (exceptions.containsKey(tomorrow)) return NextDay.WORKING_DAY;
        if (holidayOn(tomorrow).isPresent()) return NextDay.HOLIDAY;
        return weekend.contains(tomorrow.getDayOfWeek()) ? NextDay.WEEKEND : NextDay.WORKING_DAY;
    }

    public Optional<DaySpan> holidayOn(LocalDate date) {
        return holidays.stream().filter(h -> h.covers(date)).findFirst();
    }

    /** The hours of {@code date}: an exceptional opening's, none on a holiday, else the weekday's. */
    public List<TimeRange> rangesOn(LocalDate date) {
        List<TimeRange> exceptional = exceptions.get(date);
        if (exceptional != null) return exceptional;
        if (holidayOn(date).isPresent()) return List.of();
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    Map<DayOfWeek, List<TimeRange>> weekly() {
        return weekly;
    }

    List<DaySpan> holidays() {
        return holidays;
    }

    Map<LocalDate, List<TimeRange>> exceptions() {
        return exceptions;
    }
}
