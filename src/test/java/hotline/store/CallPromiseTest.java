package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import hotline.flow.CallbackBook;
import hotline.flow.CallbackBooking;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reason the store's start-up config does not know ("urgent", added to the script later) is
 * stored with the promise the call made, directly and through the spool: never failed:internal-error.
 */
class CallPromiseTest {

    @TempDir
    Path dir;

    private static CallbackBooking urgent() {
        return new CallbackBooking("0201234567", "en", "urgent", "hotline", Optional.empty(), "0201234567",
                Duration.ofSeconds(61)).promising(Duration.ofMinutes(30));
    }

    @Test
    void aReasonTheStoreWasStartedWithoutIsStoredWithTheCallsOwnPromise() {
        var config = Store.at("jdbc:sqlite:" + dir.resolve("hotline.db"));
        assertThat(config.promiseFor("urgent")).isEmpty();
        try (var store = CallbackStore.open(config, Clock.systemUTC())) {
            var booked = new StoreCallbackBook(store).book(urgent());

            assertThat(booked).isInstanceOf(CallbackBook.Booked.Stored.class);
            var saved = store.list(CallbackFilter.all()).getFirst();
            assertThat(saved.reason()).isEqualTo("urgent");
            assertThat(Duration.between(saved.createdAt(), saved.promisedBy())).isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void aSpooledRequestKeepsTheCallsPromiseWhenItIsReplayed() {
        var config = Store.at("jdbc:sqlite:" + dir.resolve("hotline.db"))
                .withFaults(Duration.ofMillis(200), dir.resolve("spool.jsonl"));
        try (var store = CallbackStore.open(config, Clock.systemUTC())) {
            new CallbackSpool(config.spool()).append(CallbackSpool.Entry.of("k-7",
                    java.time.Instant.parse("2026-11-24T09:00:00Z"), StoreCallbackBook.request(urgent())));

            assertThat(new SpoolingCallbackBook(store, config, Clock.systemUTC()).replay()).isEqualTo(1);
            var saved = store.list(CallbackFilter.all()).getFirst();
            assertThat(saved.promisedBy()).isEqualTo(java.time.Instant.parse("2026-11-24T09:30:00Z"));
        }
    }
}
