package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hours:}: left out it is always open; every mistake is named with its line, column and key. */
class HoursConfigTest {

    private static List<String> problems(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("hotline.yaml", yaml)).problems();
    }

    @Test
    void withoutAnHoursSectionTheHotlineIsAlwaysOpen() {
        Hours hours = ConfigLoader.parse("hotline.yaml", "inbound: {greeting: greeting}\n").hours();
        assertThat(hours.model().alwaysOpen()).isTrue();
        assertThat(hours.whenClosed()).isEqualTo("callback");
    }

    @Test
    void aWrittenWeekBindsWithItsZoneAndKeepsTheOtherKeysAtTheirDefaults() {
        Hours hours = ConfigLoader.parse("hotline.yaml", """
                hours:
                  time-zone: Asia/Seoul
                  weekly: {monday: [09:00-12:00, 13:00-18:00]}
                  when-closed: goodbye
                """).hours();
        assertThat(hours.model().zone().getId()).isEqualTo("Asia/Seoul");
        assertThat(hours.weekly()).containsEntry("monday", List.of("09:00-12:00", "13:00-18:00"));
        assertThat(hours.takesCallbacks()).isFalse();
        assertThat(hours.pauseBeforeHangup()).hasSeconds(5);
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsLineColumnAndKeyPath() {
        assertThat(problems("""
                hours:
                  time-zone: Europe/Berlinn
                  weekly:
                    monday: [09:00-18:00, 17:00-19:00]
                    funday: [09:00-18:00]
                    tuesday: [18:00-09:00, "24:30-24:45"]
                  holidays:
                    "2026-05-03..2026-05-01": typo
                  open-exceptions:
                    "2026-02-30": [10:00-14:00]
                  when-closed: maybe
                """)).containsExactly(
                "hotline.yaml:2:3: hours.time-zone: 'Europe/Berlinn' is not an IANA time zone (e.g. Europe/Berlin, Asia/Seoul)",
                "hotline.yaml:4:5: hours.weekly.monday: 09:00-18:00 and 17:00-19:00 overlap",
                "hotline.yaml:5:5: hours.weekly: 'funday' is not a day of the week (monday .. sunday)",
                "hotline.yaml:6:15: hours.weekly.tuesday[0]: '18:00-09:00' ends before it starts (a range stays within"
                        + " one day: write 22:00-24:00, and 00:00-06:00 on the next day)",
                "hotline.yaml:6:28: hours.weekly.tuesday[1]: '24:30-24:45': 24:30 is not a time of day (00:00..23:59)",
                "hotline.yaml:8:5: hours.holidays: '2026-05-03..2026-05-01' ends before it starts",
                "hotline.yaml:10:5: hours.open-exceptions: '2026-02-30' is not a date (YYYY-MM-DD, e.g. 2026-12-24)",
                "hotline.yaml:11:3: hours.when-closed: 'maybe' is neither callback nor goodbye");
    }

    @Test
    void anEmptyRangeAnOffsetForAZoneAndADayNamedTwiceAreRefused() {
        assertThat(problems("""
                hours:
                  time-zone: "+01:00"
                  weekly: {monday: [09:00-09:00], Monday: [10:00-11:00]}
                """)).containsExactly(
                "hotline.yaml:2:3: hours.time-zone: '+01:00' is not an IANA time zone (e.g. Europe/Berlin, Asia/Seoul)",
                "hotline.yaml:3:21: hours.weekly.monday[0]: '09:00-09:00' is empty",
                "hotline.yaml:3:35: hours.weekly: 'Monday' is named twice");
    }

    @Test
    void holidaysWithoutWeeklyHoursAreRefusedBecauseTheLineWouldBeAlwaysOpen() {
        assertThat(problems("hours:\n  holidays: {\"12-25\": Christmas}\n"))
                .containsExactly("hotline.yaml:2:3: hours.weekly: holidays and open-exceptions need weekly opening hours"
                        + " (without weekly the line is always open)");
    }

    @Test
    void aClosedCallbackIsConfirmedAndPromisedByDefault() {
        var config = HotlineConfig.defaults();
        assertThat(config.inbound().callbacks().confirmedPrompts()).containsEntry("closed", "callback-confirmed-closed");
        assertThat(config.store().promiseFor(Hours.CLOSED_REASON)).isPresent();
    }
}
