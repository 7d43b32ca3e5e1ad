package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1 (call-scripts.md §1, §5): a call outside the opening hours, on a holiday, on an
 * exceptional opening and across a daylight-saving change, with the server's clock set to the date.
 */
class ClosedHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String HOURS = """
            hours:
              time-zone: Europe/Berlin
              weekly:
                monday: [09:00-18:00]
                tuesday: [09:00-18:00]
                wednesday: [09:00-18:00]
                thursday: [09:00-18:00]
                friday: [09:00-18:00]
              holidays: {"2026-05-01": Labour Day}
              open-exceptions: {"2026-01-10": [10:00-14:00]}
              when-closed: %s
            """;
    private static final Script SHIPPED = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    private static final Script CALLBACK = withHours("callback");
    private static final Script GOODBYE = withHours("goodbye");
    private static final CallFacts FACTS = new CallFacts("8005550103", "5550100");

    private final BookedCallbacks book = new BookedCallbacks();

    private static Script withHours(String whenClosed) {
        return SHIPPED.withHours(ConfigLoader.parse("hours.yaml", HOURS.formatted(whenClosed)).hours());
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private Outcome call(Script script, ScriptedCaller caller) {
        return new InboundFlow(script, book, caller.clock()).run(caller, FACTS);
    }

    @Test
    void aCallOnAWeekdayMorningIsGreetedAsAlways() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-05T10:00:00")).speaksAfter(0);
        assertThat(call(CALLBACK, caller).code()).isEqualTo("queued:hotline");
        assertThat(caller.transcript).startsWith("answer", "language ko", "play greeting");
    }

    @Test
    void anEveningCallHearsTheHoursInsteadOfTheGreetingThenLeavesANumberPromisedForAfterTheOpening() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-05T20:00:00"))
                .pressesAt("play callback-confirm-caller-id", '1');
        assertThat(call(CALLBACK, caller)).isEqualTo(new Outcome.CallbackBooked("1", "closed"));
        assertThat(caller.transcript).containsExactly("answer", "language ko", "play closed-now", "play closed-hours",
                "play closed-callback-offer", "play callback-use-caller-id", "say-digits 5550100",
                "play callback-confirm-caller-id", "record callback-record-name", "play callback-confirmed-closed",
                "pause 5s", "hangup");
        var booked = book.booked.getFirst();
        assertThat(booked.reason()).isEqualTo("closed");
        assertThat(booked.queue()).isEqualTo("hotline");
        // Tuesday 09:00 is 13 h away; store.promise.closed (2h) runs from then
        assertThat(booked.promise()).contains(Duration.ofHours(13 + 2));
    }

    @Test
    void withWhenClosedGoodbyeTheCallerHearsTheHoursAGoodbyeFiveSecondsAndTheHangUp() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-05T07:30:00"));
        assertThat(call(GOODBYE, caller).code()).isEqualTo("closed-goodbye");
        assertThat(caller.transcript).containsExactly("answer", "language ko", "play closed-now", "play closed-hours",
                "play closed-goodbye", "pause 5s", "hangup");
        assertThat(book.booked).isEmpty();
    }

    @Test
    void aWeekendCallIsClosedAndItsCallbackIsPromisedAfterMondaysOpening() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-11T12:00:00"))
                .pressesAt("play callback-confirm-caller-id", '1');
        call(CALLBACK, caller);
        assertThat(book.booked.getFirst().promise()).contains(Duration.ofHours(21 + 2)); // Sunday 12:00 -> Monday 09:00
    }

    @Test
    void aHolidayDuringTheWeeklyHoursIsClosed() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-05-01T10:00:00"));
        assertThat(call(GOODBYE, caller).code()).isEqualTo("closed-goodbye");
    }

    @Test
    void anExceptionalOpeningOnASaturdayIsGreetedAsAlways() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-10T11:00:00")).speaksAfter(0);
        assertThat(call(GOODBYE, caller).code()).isEqualTo("queued:hotline");
    }

    @Test
    void theHoursAreTheZonesWallClockAfterTheSpringDaylightSavingChange() {
        // Monday 30 March 2026 (CEST, UTC+2): 06:30 UTC is 08:30 there, closed; 07:00 UTC is 09:00, open
        var early = new ScriptedCaller().startsAt(Instant.parse("2026-03-30T06:30:00Z"));
        assertThat(call(GOODBYE, early).code()).isEqualTo("closed-goodbye");
        var nine = new ScriptedCaller().startsAt(Instant.parse("2026-03-30T07:00:00Z")).speaksAfter(0);
        assertThat(call(GOODBYE, nine).code()).isEqualTo("queued:hotline");
    }

    @Test
    void aCallerWhoHangsUpDuringTheHoursEndsThere() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-05T20:00:00")).hangsUpAt("play closed-hours");
        assertThatThrownBy(() -> call(CALLBACK, caller)).isInstanceOf(CallerHungUp.class);
        assertThat(caller.transcript).endsWith("play closed-hours");
        assertThat(book.booked).isEmpty();
    }

    @Test
    void onAFridayTheClosingAfterTheAgentWishesAGoodWeekend() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-16T16:00:00")).speaksAfter(0);
        call(CALLBACK, caller);
        assertThat(caller.transcript).endsWith("play closing-weekend", "pause 5s", "hangup");
    }

    @Test
    void theFridayBeforeAnExceptionalSaturdayOpeningHasThePlainClosing() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-09T16:00:00")).speaksAfter(0);
        call(CALLBACK, caller);
        assertThat(caller.transcript).endsWith("play closing", "pause 5s", "hangup");
    }

    @Test
    void theDayBeforeAHolidayTheClosingWishesAGoodHoliday() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-04-30T16:00:00")).speaksAfter(0);
        call(CALLBACK, caller);
        assertThat(caller.transcript).endsWith("play closing-holiday", "pause 5s", "hangup");
    }

    @Test
    void onAnOrdinaryWeekdayTheClosingIsThePlainOne() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-06T16:00:00")).speaksAfter(0);
        call(CALLBACK, caller);
        assertThat(caller.transcript).endsWith("play closing", "pause 5s", "hangup");
    }

    @Test
    void theAgentsClosingKeyOnAFridayWishesAGoodWeekendToo() {
        var caller = new ScriptedCaller().startsAt(berlin("2026-01-16T16:00:00"));
        var outcome = new AgentKeyFlow("closing", CALLBACK, book, caller.clock()).run(caller, FACTS);
        assertThat(outcome.code()).isEqualTo("agent:closing-hangup");
        assertThat(caller.transcript).contains("play closing-weekend").doesNotContain("play closing");
    }

    @Test
    void theShippedConfigIsAlwaysOpenSoAMidnightCallIsGreeted() {
        var caller = new ScriptedCaller().startsAt(Instant.parse("2026-01-11T00:30:00Z")).speaksAfter(0);
        assertThat(call(SHIPPED, caller).code()).isEqualTo("queued:hotline");
        assertThat(caller.transcript).contains("play greeting").endsWith("play closing", "pause 5s", "hangup");
    }
}
