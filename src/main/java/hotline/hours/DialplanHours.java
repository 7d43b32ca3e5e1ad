package hotline.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The opening hours as Asterisk's dialplan context {@code [hotline-hours]}, for the §8 fallback
 * when the server is down (docs/operations.md#opening-hours-and-holidays): {@code
 * Gosub(hotline-hours,s,1)} returns {@code open} or {@code closed} in GOSUB_RETVAL. Weekly hours and
 * every-year holidays are GotoIfTime lines (whose time range includes its last minute: 18:00 is
 * written 17:59); dated holidays and exceptional openings compare STRFTIME's date, as GotoIfTime
 * has no year. Printed by {@code hotline check --print-dialplan-hours}.
 */
public final class DialplanHours {

    public static final String CONTEXT = "hotline-hours";

    private DialplanHours() {}

    /** The context's lines; {@code source} names the config file in the header comment. */
    public static List<String> context(OpeningHours hours, String source) {
        var lines = new ArrayList<String>();
        lines.add("[" + CONTEXT + "]");
        lines.add("; Generated from " + source + " (hours:) by: hotline check --print-dialplan-hours --config " + source);
        lines.add("; Do not edit by hand: change hours: and paste the new output here (HoursDialplanTest compares them).");
        lines.add("; Gosub(" + CONTEXT + ",s,1) returns open or closed (GOSUB_RETVAL).");
        if (hours.alwaysOpen()) {
            lines.add("exten => s,1,Return(open)                  ; no hours.weekly: always open");
            return lines;
        }
        String zone = hours.zone().getId();
        lines.add("exten => s,1,Set(LOCAL_DAY=${STRFTIME(${EPOCH}," + zone + ",%Y%m%d)})   ; the date in " + zone);
        var exceptions = new ArrayList<>(hours.exceptions().entrySet());
        exceptions.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < exceptions.size(); i++) {
            lines.add(" same => n,GotoIf($[${LOCAL_DAY} = " + day(exceptions.get(i).getKey()) + "]?exception" + (i + 1)
                    + ")   ; exceptional opening");
        }
        for (DaySpan h : hours.holidays()) {
            String test = h.everyYear().map(d -> "GotoIfTime(*,*," + d.getDayOfMonth() + "," + month(d.getMonthValue())
                    + "," + zone + "?closed)").orElseGet(() -> h.first().equals(h.last())
                    ? "GotoIf($[${LOCAL_DAY} = " + day(h.first()) + "]?closed)"
                    : "GotoIf($[${LOCAL_DAY} >= " + day(h.first()) + " & ${LOCAL_DAY} <= " + day(h.last()) + "]?closed)");
            // a name is only a comment: nothing in it may end the comment or the line
            String name = h.name().replaceAll("[^\\p{L}\\p{N} .,'()-]", "").strip();
            lines.add(" same => n," + test + "   ; holiday" + (name.isEmpty() ? "" : ": " + name));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            for (TimeRange r : hours.weekly().getOrDefault(d, List.of())) {
                lines.add(" same => n,GotoIfTime(" + times(r) + "," + weekday(d) + ",*,*," + zone + "?open)");
            }
        }
        lines.add(" same => n(closed),Return(closed)");
        lines.add(" same => n(open),Return(open)");
        for (int i = 0; i < exceptions.size(); i++) {
            var ranges = exceptions.get(i).getValue();
            for (int j = 0; j < ranges.size(); j++) {
                lines.add(" same => n" + (j == 0 ? "(exception" + (i + 1) + ")" : "") + ",GotoIfTime(" + times(ranges.get(j))
                        + ",*,*,*," + zone + "?open)" + (j == 0 ? "   ; " + exceptions.get(i).getKey() : ""));
            }
            lines.add(" same => n,Return(closed)");
        }
        return lines;
    }

    /** GotoIfTime's range includes its last minute: [09:00, 18:00) is 09:00-17:59. */
    static String times(TimeRange r) {
        return TimeRange.hhmm(r.fromMinute()) + "-" + TimeRange.hhmm(r.toMinute() - 1);
    }

    private static String day(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static String weekday(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static String month(int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
