package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Callbacks;
import hotline.config.ConfigLoader;
import hotline.config.Store;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;
import hotline.flow.CallbackLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-caller callback limit counted in the store, with the shipped limit (three requests an
 * hour per caller ID and per number): every node on one database counts the same requests, a
 * restart forgets none, and a store that fails leaves the count to this node's memory.
 */
class StoreRequestCountsTest {

    static final Instant NINE_AM = Instant.parse("2026-11-24T09:00:00Z");
    private final Callbacks shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).inbound().callbacks();
    private final TestClock clock = new TestClock(NINE_AM);
    private final CallbackBook stores = booking -> new CallbackBook.Booked.Stored("1");

    @TempDir
    Path dir;

    private CallbackStore node() {
        return CallbackStore.open(Store.at("jdbc:sqlite:" + dir.resolve("hotline.db")), clock);
    }

    private CallbackLimits limits(CallbackStore store) {
        return new CallbackLimits(stores, () -> shipped, clock, new StoreRequestCounts(store.callers()));
    }

    private static CallbackBooking from(String callerId, String number) {
        return new CallbackBooking(number, "en", "simple", "hotline", Optional.empty(), callerId, Duration.ofMinutes(1));
    }

    @Test
    void aCallerWhoBookedOnOneNodeIsRefusedOnTheOtherOnceTheLimitIsReached() {
        assertThat(shipped.maxPerCaller()).isEqualTo(3);
        try (var a = node(); var b = node()) {
            assertThat(limits(a).book(from("5550100", "5550100"))).isInstanceOf(CallbackBook.Booked.Stored.class);
            assertThat(limits(b).book(from("5550100", "5550100"))).isInstanceOf(CallbackBook.Booked.Stored.class);
            assertThat(limits(a).book(from("5550100", "5550100"))).isInstanceOf(CallbackBook.Booked.Stored.class);

            assertThat(limits(b).refuses("5550100")).as("asked before the number").contains("rate-limited");
            assertThat(limits(b).book(from("5550100", "5550100"))).isEqualTo(new CallbackBook.Booked.Refused("rate-limited"));
            assertThat(limits(a).book(from("5550177", "5550100"))).as("another caller, the same number to call")
                    .isEqualTo(new CallbackBook.Booked.Refused("rate-limited"));
            clock.advance(Duration.ofHours(1));
            assertThat(limits(b).book(from("5550100", "5550100"))).as("an hour later").isInstanceOf(CallbackBook.Booked.Stored.class);
        }
    }

    @Test
    void aRestartForgetsNoRequest() {
        try (var before = node()) {
            for (int i = 0; i < 3; i++) limits(before).book(from("5550100", "5550100"));
        }
        try (var after = node()) {
            assertThat(limits(after).refuses("5550100")).contains("rate-limited");
        }
    }

    @Test
    void aStoreThatFailsLeavesTheCountToThisNodesMemoryAndStillLimits() {
        var store = node();
        store.close(); // every query fails from now on
        var limits = limits(store);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.book(from("5550100", "5550100"))).as("request %d", i + 1).isInstanceOf(CallbackBook.Booked.Stored.class);
        }
        assertThat(limits.book(from("5550100", "5550100"))).isEqualTo(new CallbackBook.Booked.Refused("rate-limited"));
        assertThat(limits.refuses("5550100")).contains("rate-limited");
    }

    @Test
    void aCallerIdTheTableCannotHoldIsCountedInMemoryNotLetThrough() {
        String tooLong = "1".repeat(25); // the server keeps a caller ID's digits, up to 64 of them
        try (var store = node()) {
            var limits = limits(store);
            for (int i = 0; i < 3; i++) limits.book(from(tooLong, "5550100"));
            assertThat(limits.book(from(tooLong, "5550199"))).isEqualTo(new CallbackBook.Booked.Refused("rate-limited"));
            assertThat(store.callers().requestsSince("number:5550100", NINE_AM.minusSeconds(1)))
                    .as("nothing of that request reached the table").isZero();
        }
    }
}
