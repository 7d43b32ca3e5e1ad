package hotline.hours;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.HotlineConfig;
import hotline.config.Hours;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.lab.ShippedConfig;
import hotline.store.TestStores;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §1.6 on the lab's real Asterisk 22: the §9 closing wishes a good holiday or a good
 * weekend when the next day is one (ClosingWords). The server runs the shipped script with `hours:`
 * open all week, in a time zone where it is about noon now (so no call crosses midnight there), and
 * tomorrow there a holiday, or a weekend day; the server's clock is the real one. A robot agent
 * ([robot-agent-keys] as Local/holiday@…, its own queue it-holiday) answers the Korean robot caller
 * ([robot-caller-keys], recording what it hears) and closes the call. Run:
 * {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HolidayClosingIT}.
 */
class HolidayClosingIT extends LabCalls {

    private static final int HOLIDAY_PORT = 4641;
    private static final int WEEKEND_PORT = 4643;
    private static final String KOREAN = "8005550103";
    private static final String QUEUE = "it-holiday";
    private static final String AGENT = "Local/holiday@robot-agent-keys/n";
    private static final String[] CLOSINGS = {"closing", "closing-weekend", "closing-holiday"};
    private static final String CLOSING_KEY = ShippedConfig.with("HolidayClosingIT").agentScripts().keyOf("closing");
    /** Fixed now: a test run takes minutes, and it is 10:00..14:00 there for hours either side. */
    private static final ZoneId NOON = zoneWhereItIsNoon();

    @BeforeEach
    void logTheRobotAgentIn() {
        lab.addQueueMember(QUEUE, AGENT);
    }

    @AfterEach
    void logTheRobotAgentOut() {
        lab.removeQueueMember(QUEUE, AGENT);
    }

    @Test
    void anAgentWhoHangsUpTheDayBeforeAHolidayLeavesTheCallerTheHolidayClosingNotThePlainOneThenFiveSeconds() {
        var tomorrow = LocalDate.now(NOON).plusDays(1);
        try (LabHotline hotline = server(HOLIDAY_PORT, openAllWeek(Map.of(tomorrow.toString(), "lab holiday"), null))) {
            String robot = call(hotline, Map.of("STAY", "6"), Map.of()); // the caller talks on; the agent hangs up
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(120));

            assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
            var heard = HeardPrompts.by(robot);
            var at = heard.assertInOrder("ko", "connecting", "closing-holiday");
            // the plain closing opens with the same words: the whole recording at that place tells them apart
            assertThat(heard.closestAt("ko", at.get(1), CLOSINGS)).isEqualTo("closing-holiday");
            Duration hangup = Recording.hangUpAfter(robot, "ko", at.get(1), "closing-holiday");
            System.out.printf("holiday closing (tomorrow %s in %s): the hang-up %d ms after it%n", tomorrow, NOON,
                    hangup.toMillis());
            assertThat(hangup).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
            String line = hotline.journalLine(end.getChannel(), l -> l.contains("\"outcome\":\"" + end.getOutcome() + "\""));
            Lab.assertStepsInOrder(line, "greeting", "connecting", "queue", "closing-holiday", "pause", "hangup");
            assertThat(Lab.steps(line)).doesNotContain("closing", "closing-weekend");
        }
    }

    @Test
    void theAgentsClosingKeyTheDayBeforeTheWeekendWishesTheSilentCallerAGoodWeekendThenSaysItMustHangUp() {
        DayOfWeek tomorrow = LocalDate.now(NOON).plusDays(1).getDayOfWeek();
        String weekendDay = tomorrow.name().toLowerCase(Locale.ROOT);
        try (LabHotline hotline = server(WEEKEND_PORT, openAllWeek(Map.of(), List.of(weekendDay)))) {
            String robot = call(hotline, Map.of("WAIT", "3", "KEYS", CLOSING_KEY),
                    Map.of("ROBOT_THEN", "silent", "ROBOT_STAY", "100"));
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(120));

            assertThat(end.getOutcome()).isEqualTo("agent:closing-hangup");
            var heard = HeardPrompts.by(robot);
            var at = heard.assertInOrder("ko", "anything-else", "closing-weekend", "must-hang-up");
            assertThat(heard.closestAt("ko", at.get(1), CLOSINGS)).isEqualTo("closing-weekend");
            Duration gap = at.get(2).minus(at.get(1)).minus(length("closing-weekend"));
            Duration hangup = Recording.hangUpAfter(robot, "ko", at.get(2), "must-hang-up");
            System.out.printf("weekend closing (tomorrow %s in %s): must-hang-up %d ms after it, the hang-up %d ms"
                    + " after that%n", weekendDay, NOON, gap.toMillis(), hangup.toMillis());
            assertThat(gap).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
            assertThat(hangup).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
            String key = hotline.journalLine(end.getChannel(), l -> l.contains("\"value\":\"closing " + CLOSING_KEY
                    + " press 1\""));
            Lab.assertStepsInOrder(key, "anything-else", "closing-weekend", "pause", "must-hang-up", "pause", "hangup");
            assertThat(Lab.steps(key)).doesNotContain("closing", "closing-holiday");
        }
    }

    /** The shipped script on {@code port} with these hours; the agents' queue is it-holiday, no language menu. */
    private static LabHotline server(int port, Hours hours) {
        HotlineConfig config = ShippedConfig.with("HolidayClosingIT", "queue: hotline ", "queue: " + QUEUE + " ")
                .withHours(hours);
        return new LabHotline(LabHotline.withoutMenu(config), port, TestStores.sqliteBook()); // no repeat-caller whisper
    }

    /** Open 00:00-24:00 every day in {@link #NOON}, with these holidays and weekend days (null: saturday, sunday). */
    private static Hours openAllWeek(Map<String, String> holidays, List<String> weekend) {
        var weekly = new LinkedHashMap<String, List<String>>();
        for (DayOfWeek day : DayOfWeek.values()) weekly.put(day.name().toLowerCase(Locale.ROOT), List.of("00:00-24:00"));
        return new Hours(NOON.getId(), weekly, weekend, holidays, Map.of(), null, null, null, null, null, null, null,
                null);
    }

    /** Etc/GMT-N is UTC+N (the IANA names' sign is the other way round): N = 12 - the hour in UTC now. */
    private static ZoneId zoneWhereItIsNoon() {
        int offset = 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour(); // -11 .. +12, all IANA zones
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    /** A call from the Korean number to the robot agent, who behaves as {@code agent} says (AGENTKEYS_*). */
    private String call(LabHotline hotline, Map<String, String> agent, Map<String, String> caller) {
        var vars = new HashMap<>(hotline.via());
        agent.forEach((k, v) -> vars.put("__AGENTKEYS_" + k, v));
        vars.putAll(caller);
        return lab.call("robot-caller-keys", KOREAN, vars);
    }



    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("ko", prompt));
    }
}
