package hotline.hours;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.hours.OpeningHours.NextDay;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The opening-hours model on chosen dates (2026: 5 January is a Monday), in Europe/Berlin. */
class OpeningHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final OpeningHours HOURS = ConfigLoader.parse("hours.yaml", """
            hours:
              time-zone: Europe/Berlin
              weekly:
                monday: [09:00-18:00]
                tuesday: [09:00-18:00]
                wednesday: [09:00-18:00]
                thursday: [09:00-18:00]
                friday: [09:00-12:30, 13:30-18:00]
              holidays:
                "12-25": Christmas Day
                "2026-05-01": Labour Day
                "2026-12-28..2026-12-31": year-end closure
              open-exceptions:
                "2026-12-05": [10:00-14:00]
                "2026-12-30": [10:00-12:00]
            """).hours().model();

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aWeekdayIsOpenFromTheStartOfItsRangeUpToButNotIncludingItsEnd() {
        assertThat(HOURS.isOpen(berlin("2026-01-05T08:59:59"))).isFalse();
        assertThat(HOURS.isOpen(berlin("2026-01-05T09:00:00"))).isTrue();
        assertThat(HOURS.isOpen(berlin("2026-01-05T17:59:59"))).isTrue();
        assertThat(HOURS.isOpen(berlin("2026-01-05T18:00:00"))).isFalse();
    }

    @Test
    void theLunchBreakBetweenTwoRangesIsClosed() {
        assertThat(HOURS.isOpen(berlin("2026-01-09T12:45:00"))).isFalse();
        assertThat(HOURS.isOpen(berlin("2026-01-09T13:30:00"))).isTrue();
    }

    @Test
    void aWeekendDayWithoutHoursIsClosedAndTheNextOpeningIsMondayMorning() {
        assertThat(HOURS.isOpen(berlin("2026-01-10T11:00:00"))).isFalse();
        assertThat(HOURS.nextOpening(berlin("2026-01-09T19:00:00"))).contains(berlin("2026-01-12T09:00:00"));
    }

    @Test
    void whileOpenTheNextOpeningIsNow() {
        assertThat(HOURS.nextOpening(berlin("2026-01-05T10:00:00"))).contains(berlin("2026-01-05T10:00:00"));
    }

    @Test
    void aHolidayEveryYearADatedOneAndARunOfDatesAreClosedAllDay() {
        assertThat(HOURS.isOpen(berlin("2025-12-25T10:00:00"))).isFalse(); // a Thursday, every year
        assertThat(HOURS.isOpen(berlin("2027-12-24T10:00:00"))).isTrue();
        assertThat(HOURS.isOpen(berlin("2026-05-01T10:00:00"))).isFalse(); // a Friday
        assertThat(HOURS.isOpen(berlin("2026-12-29T10:00:00"))).isFalse();
        assertThat(HOURS.nextOpening(berlin("2026-12-28T10:00:00"))).contains(berlin("2026-12-30T10:00:00"));
    }

    @Test
    void anExceptionalOpeningOpensAWeekendDayAndAHolidayWithItsOwnHours() {
        assertThat(HOURS.isOpen(berlin("2026-12-05T10:30:00"))).isTrue();  // a Saturday
        assertThat(HOURS.isOpen(berlin("2026-12-05T14:00:00"))).isFalse();
        assertThat(HOURS.isOpen(berlin("2026-12-30T11:00:00"))).isTrue();  // inside the closure
        assertThat(HOURS.isOpen(berlin("2026-12-30T15:00:00"))).isFalse();
    }

    @Test
    void theHoursFollowTheWallClockAcrossTheSpringDaylightSavingChange() {
        // 29 March 2026, 02:00 CET -> 03:00 CEST: Monday 09:00 is 07:00 UTC, the Friday before 08:00 UTC
        assertThat(HOURS.nextOpening(berlin("2026-03-28T12:00:00"))).contains(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(HOURS.isOpen(Instant.parse("2026-03-27T08:00:00Z"))).isTrue();
        assertThat(HOURS.isOpen(Instant.parse("2026-03-30T06:30:00Z"))).isFalse();
        assertThat(HOURS.isOpen(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
    }

    @Test
    void theHoursFollowTheWallClockAcrossTheAutumnChangeToo() {
        // 25 October 2026, 03:00 CEST -> 02:00 CET: Monday 09:00 is 08:00 UTC again
        assertThat(HOURS.nextOpening(berlin("2026-10-24T12:00:00"))).contains(Instant.parse("2026-10-26T08:00:00Z"));
        assertThat(HOURS.isOpen(Instant.parse("2026-10-26T07:30:00Z"))).isFalse();
    }

    @Test
    void anOpeningInsideTheSpringForwardGapStartsWhenTheClockReachesIt() {
        var night = ConfigLoader.parse("night.yaml", """
                hours: {time-zone: Europe/Berlin, weekly: {sunday: ["02:30-04:00"]}}
                """).hours().model();
        // 02:30 does not exist on 29 March 2026: the clock jumps from 02:00 CET to 03:00 CEST
        assertThat(night.nextOpening(Instant.parse("2026-03-28T12:00:00Z"))).contains(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(night.isOpen(Instant.parse("2026-03-29T01:30:00Z"))).isTrue(); // 03:30 CEST
    }

    @Test
    void theDayAfterIsAWeekendAHolidayOrAWorkingDay() {
        assertThat(HOURS.nextDay(berlin("2026-01-09T17:00:00"))).isEqualTo(NextDay.WEEKEND);      // Friday
        assertThat(HOURS.nextDay(berlin("2026-01-05T17:00:00"))).isEqualTo(NextDay.WORKING_DAY);  // Monday
        assertThat(HOURS.nextDay(berlin("2026-04-30T17:00:00"))).isEqualTo(NextDay.HOLIDAY);      // before 1 May
        assertThat(HOURS.nextDay(berlin("2026-12-04T17:00:00"))).isEqualTo(NextDay.WORKING_DAY);  // Saturday opens
        assertThat(HOURS.nextDay(berlin("2026-12-24T23:59:00"))).isEqualTo(NextDay.HOLIDAY);      // local date, not UTC's
    }

    @Test
    void withoutWeeklyHoursTheLineIsAlwaysOpenAndNoDayIsSpecial() {
        var always = ConfigLoader.parse("empty.yaml", "").hours().model();
        assertThat(always.alwaysOpen()).isTrue();
        assertThat(always.isOpen(berlin("2026-01-10T03:00:00"))).isTrue();
        assertThat(always.nextDay(berlin("2026-01-09T17:00:00"))).isEqualTo(NextDay.WORKING_DAY);
    }
}
