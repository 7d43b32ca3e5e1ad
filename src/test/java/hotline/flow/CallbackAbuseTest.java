package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Limits against abuse with the shipped config: national numbers only, three requests an hour per caller. */
class CallbackAbuseTest {

    private static final QueueEnd TIMEOUT = new QueueEnd.NotAnswered("TIMEOUT");
    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));
    private final BookedCallbacks stored = new BookedCallbacks();
    private final MutableClock clock = new MutableClock();
    private final CallbackLimits book = new CallbackLimits(stored, config.inbound().callbacks(), clock);
    private final InboundFlow flow = new InboundFlow(config.inbound(), config.languages(), book, ScriptedCaller.STOPPED_CLOCK);

    private ScriptedCaller asksForACallbackOnTheirOwnNumber() {
        return new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1').pressesAt("play callback-confirm-caller-id", '1');
    }

    @Test
    void anInternationalNumberIsRefusedPolitelyAndANationalOneIsTaken() {
        var caller = new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1')
                .types("0044207946000").types("0201234567").pressesAt("play callback-confirm", '1');

        Outcome outcome = flow.run(caller, new CallFacts("8005550100", "0044207946001"));

        assertThat(caller.transcript).doesNotContain("play callback-use-caller-id");
        assertThat(caller.transcript).containsSubsequence("ask-digits callback-enter-number", "play callback-number-not-allowed",
                "ask-digits callback-enter-number", "play callback-you-entered", "say-digits 0201234567");
        assertThat(stored.booked).singleElement().satisfies(b -> assertThat(b.number()).isEqualTo("0201234567"));
        assertThat(outcome).isInstanceOf(Outcome.CallbackBooked.class);
    }

    @Test
    void aCallerWhoOnlyKeysInternationalNumbersHearsTheGoodbyeAndTheJournalSaysWhy() {
        var caller = new ScriptedCaller().speaksAfter(0).queueStaysEnd(TIMEOUT, TIMEOUT)
                .pressesAt("play callback-offer", '1')
                .types("0044207946000").types("0033142000000").types("0049301234567");

        Outcome outcome = flow.run(caller, new CallFacts("8005550100", ""));

        assertThat(outcome.code()).isEqualTo("callback-refused:number-not-allowed");
        assertThat(caller.transcript).containsSubsequence("play callback-number-not-allowed", "play callback-no-number",
                "pause 5s", "hangup");
        assertThat(stored.booked).isEmpty();
    }

    @Test
    void theFourthRequestFromOneCallerWithinAnHourIsRefusedWithALimitPromptAndNothingIsStored() {
        for (int i = 0; i < 3; i++) {
            assertThat(flow.run(asksForACallbackOnTheirOwnNumber(), new CallFacts("8005550100", "13800138000")))
                    .isInstanceOf(Outcome.CallbackBooked.class);
        }
        var fourth = asksForACallbackOnTheirOwnNumber();

        Outcome outcome = flow.run(fourth, new CallFacts("8005550100", "13800138000"));

        assertThat(outcome.code()).isEqualTo("callback-refused:rate-limited");
        assertThat(fourth.transcript).containsSubsequence("play callback-offer", "play callback-limit-reached", "pause 5s",
                "hangup");
        assertThat(fourth.transcript).doesNotContain("play callback-use-caller-id");
        assertThat(stored.booked).hasSize(3);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(flow.run(asksForACallbackOnTheirOwnNumber(), new CallFacts("8005550100", "13800138000")))
                .isInstanceOf(Outcome.CallbackBooked.class);
    }

    @Test
    void manyCallersCannotFloodOneNumberWithCallbacks() {
        var limits = new CallbackLimits(stored, config.inbound().callbacks(), clock);
        int refused = 0;
        for (int caller = 0; caller < 40; caller++) {
            var booked = limits.book(new CallbackBooking("0201234567", "en", "simple", "hotline",
                    java.util.Optional.empty(), "0301000" + (100 + caller), Duration.ZERO));
            if (booked instanceof CallbackBook.Booked.Refused) refused++;
        }

        assertThat(stored.booked).hasSize(3);
        assertThat(refused).isEqualTo(37);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
