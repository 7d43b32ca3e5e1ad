package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** accept() failing in a loop (EMFILE): pauses that grow to a second, and a log line every ten seconds at most. */
class AcceptBackoffTest {

    @Test
    void pausesStartAtTenMillisecondsAndDoubleUpToOneSecond() {
        var backoff = new AcceptBackoff();
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 10; i++) pauses.add(backoff.failed().toMillis());

        assertThat(pauses).containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L, 1000L);
    }

    @Test
    void oneSuccessStartsThePausesAgainFromTenMilliseconds() {
        var backoff = new AcceptBackoff();
        backoff.failed();
        backoff.failed();

        backoff.succeeded();

        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void tenSecondsOfFailuresEveryMillisecondGiveTwoLogLinesAndCountTheRest() {
        var now = new AtomicLong();
        var limit = new RateLimit(1, Duration.ofSeconds(10), now::get);
        int logged = 0;
        for (int ms = 0; ms < 10_001; ms++) {
            now.set(Duration.ofMillis(ms).toNanos());
            if (limit.tryAcquire()) logged++;
        }

        assertThat(logged).isEqualTo(2);
        assertThat(limit.takeSuppressed()).isEqualTo(9_999);
        assertThat(limit.takeSuppressed()).isZero();
    }

    @Test
    void withBackoffAFailingAcceptIsRetriedAboutTwentyTimesInTenSecondsNotHalfAMillion() {
        var backoff = new AcceptBackoff();
        long elapsedMs = 0;
        int attempts = 0;
        while (elapsedMs < 10_000) {
            elapsedMs += backoff.failed().toMillis();
            attempts++;
        }

        assertThat(attempts).isBetween(10, 20);
    }
}
