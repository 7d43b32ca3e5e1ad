package hotline.flow;

import hotline.config.Hours;
import hotline.hours.OpeningHours;
import java.time.InstantSource;

/**
 * call-scripts.md §1 (001 통화 종료 §1): the §9 closing wishes a good weekend or a good holiday
 * when the next day is one, in the hours' own time zone; otherwise it is the plain closing.
 */
record ClosingWords(Hours hours, OpeningHours open, InstantSource clock) {

    String closing(String plainClosing) {
        return switch (open.nextDay(clock.instant())) {
            case HOLIDAY -> hours.closingHolidayPrompt();
            case WEEKEND -> hours.closingWeekendPrompt();
            case WORKING_DAY -> plainClosing;
        };
    }
}
