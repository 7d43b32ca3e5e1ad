package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import hotline.flow.CallerHistory;
import hotline.flow.CallerHistory.Arrival;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows' caller history over the store: what a call gets when the store fails or a number cannot be kept. */
class StoreCallerHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    private CallbackStore open() {
        return CallbackStore.open(Store.at("jdbc:sqlite:" + dir.resolve("hotline.db")), new TestClock(NOW));
    }

    @Test
    void aBlockedNumberAndARepeatCallerComeThroughFromTheStore() {
        try (var store = open()) {
            var history = new StoreCallerHistory(store.callers());
            store.callers().block("5550111", NOW, Optional.empty(), "robocaller", "ops");
            history.arrived("5550100", NOW, Duration.ofDays(7));

            assertThat(history.arrived("5550111", NOW, Duration.ofDays(7))).isEqualTo(new Arrival.Blocked());
            assertThat(history.arrived("5550100", NOW.plusSeconds(9), Duration.ofDays(7)))
                    .isEqualTo(new Arrival.Seen(Optional.of(NOW), false));
        }
    }

    @Test
    void aStoreThatFailsMakesAFirstCallFromAnUnblockedNumberAndLosesNoCall() {
        var store = open();
        var history = new StoreCallerHistory(store.callers());
        store.callers().block("5550111", NOW, Optional.empty(), "robocaller", "ops");
        store.close(); // every operation now fails

        assertThat(history.arrived("5550111", NOW, Duration.ofDays(7))).isEqualTo(Arrival.FIRST_CALL);
        assertThat(history.report(new CallerHistory.AbuseReport("5550111", "1.1", NOW, "PJSIP/a", "hotline"), NOW, NOW))
                .isZero();
        history.block("5550111", NOW, NOW.plusSeconds(60), "auto"); // logged, not thrown
    }

    @Test
    void aCallerIdTooLongToKeepIsAFirstCall() {
        try (var store = open()) {
            var history = new StoreCallerHistory(store.callers());
            assertThat(history.arrived("1".repeat(30), NOW, Duration.ofDays(7))).isEqualTo(Arrival.FIRST_CALL);
        }
    }
}
