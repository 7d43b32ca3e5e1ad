package hotline.config;

import hotline.hours.DaySpan;
import hotline.hours.HoursText;
import hotline.hours.OpeningHours;
import hotline.hours.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opening hours, holidays and exceptional openings ({@code hours:}, call-scripts.md §1 and §5;
 * docs/configuration.md#opening-hours). Left out, or without {@code weekly}: always open.
 *
 * @param timeZone             the IANA zone the hours are in ({@code Europe/Berlin}); default UTC
 * @param weekly               weekday → its opening hours ({@code monday: [09:00-12:00, 13:00-18:00]});
 *                             a day left out is closed
 * @param weekend              the days the closing wishes a good weekend before; default saturday, sunday
 * @param holidays             {@code 2026-05-01}, {@code 12-25} (every year) or {@code 2026-12-24..2026-12-31}
 *                             → its name; closed all day
 * @param openExceptions       date → the hours open on it instead (a holiday or a closed weekday too)
 * @param whenClosed           {@code callback} (§5: take a number, call back when open) or {@code goodbye}
 * @param closedPrompt         instead of the greeting: "thank you for calling ...; we are closed now"
 * @param hoursPrompt          "our opening hours are ...": recorded for the configured hours; re-record it
 *                             when they change (docs/prompts.md)
 * @param callbackPrompt       before the callback capture: "leave a number and we call you back once we open"
 * @param goodbyePrompt        {@code when-closed: goodbye}: "please call again during our opening hours; goodbye"
 * @param pauseBeforeHangup    after the goodbye, before the hang-up, 1s..30s; default 5s (never abrupt)
 * @param closingWeekendPrompt the §9 closing when the next day is a weekend day ("... have a good weekend")
 * @param closingHolidayPrompt the §9 closing when the next day is a holiday ("... enjoy the holiday")
 */
public record Hours(String timeZone, Map<String, List<String>> weekly, List<String> weekend,
                    Map<String, String> holidays, Map<String, List<String>> openExceptions, String whenClosed,
                    String closedPrompt, String hoursPrompt, String callbackPrompt, String goodbyePrompt,
                    Duration pauseBeforeHangup, String closingWeekendPrompt, String closingHolidayPrompt) {

    /** The reason code of a callback taken while closed; promised for after the next opening. */
    public static final String CLOSED_REASON = "closed";
    public static final Set<String> WHEN_CLOSED = Set.of("callback", "goodbye");

    public Hours {
        timeZone = timeZone == null ? "UTC" : timeZone.strip();
        weekly = ordered(weekly);
        weekend = weekend == null ? List.of("saturday", "sunday") : List.copyOf(weekend);
        holidays = holidays == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(holidays));
        openExceptions = ordered(openExceptions);
        whenClosed = whenClosed == null ? "callback" : whenClosed.strip();
        closedPrompt = closedPrompt == null ? "closed-now" : closedPrompt;
        hoursPrompt = hoursPrompt == null ? "closed-hours" : hoursPrompt;
        callbackPrompt = callbackPrompt == null ? "closed-callback-offer" : callbackPrompt;
        goodbyePrompt = goodbyePrompt == null ? "closed-goodbye" : goodbyePrompt;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        closingWeekendPrompt = closingWeekendPrompt == null ? "closing-weekend" : closingWeekendPrompt;
        closingHolidayPrompt = closingHolidayPrompt == null ? "closing-holiday" : closingHolidayPrompt;
        var check = new Check();
        String zone = timeZone;
        HoursText.problem(() -> HoursText.zone(zone)).ifPresent(why -> check.that("time-zone", false, why));
        checkDays(check, "weekly", weekly, HoursText::weekday);
        for (int i = 0; i < weekend.size(); i++) {
            String day = weekend.get(i);
            var why = HoursText.problem(() -> HoursText.weekday(day));
            check.item("weekend", i, why.isEmpty(), why.orElse(""));
        }
        holidays.forEach((span, name) -> {
            var why = HoursText.problem(() -> HoursText.holiday(span, name));
            check.entryName("holidays", span, why.isEmpty(), why.orElse(""));
        });
        checkDays(check, "open-exceptions", openExceptions, HoursText::date);
        check.that("weekly", !weekly.isEmpty() || holidays.isEmpty() && openExceptions.isEmpty(),
                "holidays and open-exceptions need weekly opening hours (without weekly the line is always open)");
        check.that("when-closed", WHEN_CLOSED.contains(whenClosed),
                Check.quote(whenClosed) + " is neither callback nor goodbye");
        check.promptKey("closed-prompt", closedPrompt);
        check.promptKey("hours-prompt", hoursPrompt);
        check.promptKey("callback-prompt", callbackPrompt);
        check.promptKey("goodbye-prompt", goodbyePrompt);
        check.promptKey("closing-weekend-prompt", closingWeekendPrompt);
        check.promptKey("closing-holiday-prompt", closingHolidayPrompt);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.done();
    }

    static Hours defaults() {
        return new Hours(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** No {@code hours:} section: always open. */
    public static Hours alwaysOpen() {
        return defaults();
    }

    public boolean takesCallbacks() {
        return whenClosed.equals("callback");
    }

    /** The hours as the flow asks them (the values are valid: the constructor checked them). */
    public OpeningHours model() {
        var days = new EnumMap<DayOfWeek, List<TimeRange>>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> days.put(HoursText.weekday(day), HoursText.ranges(ranges)));
        var spans = new ArrayList<DaySpan>();
        holidays.forEach((span, name) -> spans.add(HoursText.holiday(span, name)));
        var dates = new LinkedHashMap<LocalDate, List<TimeRange>>();
        openExceptions.forEach((date, ranges) -> dates.put(HoursText.date(date), HoursText.ranges(ranges)));
        return new OpeningHours(HoursText.zone(timeZone), days, weekend.stream().map(HoursText::weekday)
                .collect(Collectors.toSet()), spans, dates);
    }

    /** Every prompt the hours can play, with the key path that names it. */
    public Stream<InboundScript.PromptUse> promptUses() {
        return Stream.of(new InboundScript.PromptUse("hours.closed-prompt", closedPrompt),
                new InboundScript.PromptUse("hours.hours-prompt", hoursPrompt),
                new InboundScript.PromptUse("hours.callback-prompt", callbackPrompt),
                new InboundScript.PromptUse("hours.goodbye-prompt", goodbyePrompt),
                new InboundScript.PromptUse("hours.closing-weekend-prompt", closingWeekendPrompt),
                new InboundScript.PromptUse("hours.closing-holiday-prompt", closingHolidayPrompt));
    }

    /** Day (a weekday, or a date) → ranges: each day's name, each range, then the day's ranges together. */
    private static void checkDays(Check check, String key, Map<String, List<String>> days,
                                  java.util.function.Function<String, ?> dayName) {
        var seen = new java.util.HashSet<Object>();
        days.forEach((day, ranges) -> {
            var why = HoursText.problem(() -> dayName.apply(day));
            check.entryName(key, day, why.isEmpty(), why.orElse(""));
            if (why.isEmpty()) {
                check.entryName(key, day, seen.add(dayName.apply(day)), Check.quote(day) + " is named twice");
            }
            boolean each = true;
            for (int i = 0; i < ranges.size(); i++) {
                String range = ranges.get(i);
                Optional<String> bad = HoursText.problem(() -> HoursText.range(range));
                check.entryItem(key, day, i, bad.isEmpty(), bad.orElse(""));
                each &= bad.isEmpty();
            }
            if (each) {
                var together = HoursText.problem(() -> HoursText.ranges(ranges));
                check.entryValue(key, day, together.isEmpty(), together.orElse(""));
            }
        });
    }

    private static Map<String, List<String>> ordered(Map<String, List<String>> given) {
        if (given == null) return Map.of();
        var copy = new LinkedHashMap<String, List<String>>();
        given.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
