package hotline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where callback requests are kept (docs/callbacks.md).
 *
 * @param jdbcUrl      {@code jdbc:sqlite:<file>} (one node) or {@code jdbc:postgresql://…} (several)
 * @param user         database user; empty when the URL or the database needs none
 * @param password     database password; empty when none. Never printed by {@link #toString()}
 * @param maxAttempts  dial attempts before a callback is FAILED, 1..20
 * @param retryAfter   wait after an unanswered attempt before the next one, 1m..24h
 * @param claimTimeout a callback DIALLING for longer than this (its node died mid-dial) goes
 *                     back in line, 1m..24h; must exceed the longest callback call
 * @param promise      reason code → promised reply time, 1m..7d. Ops may change the defaults
 *                     and add reasons; a default reason left out keeps its default
 * @param timeout      the longest one database operation may take (SQLite busy_timeout, PostgreSQL
 *                     statement_timeout, socket and connect timeouts, the wait for a pooled
 *                     connection), 100ms..30s; a save that takes longer goes to the spool
 * @param spool        the local file a confirmed request is appended to (fsync'd, 0600) when the store
 *                     fails or is too slow; replayed into the store at start and every 30 s
 */
public record Store(String jdbcUrl, String user, String password, Integer maxAttempts,
                    Duration retryAfter, Duration claimTimeout, Map<String, Duration> promise,
                    Duration timeout, Path spool) {

    public static final String DEFAULT_JDBC_URL = "jdbc:sqlite:data/hotline.db";
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(10);
    /** Above the longest DIALLING time: ring-for (at most 2m) plus the wait for Asterisk's answer. */
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofMinutes(10);
    /** Well under a caller's patience: a caller waits in silence while the store saves. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Path DEFAULT_SPOOL = Path.of("data", "callback-spool.jsonl");
    /**
     * call-scripts.md §5: 2 hours for a simple matter, 24 hours for a complex one; a request taken
     * while closed ({@code closed}): 2 hours after the next opening (the flow adds the wait for it).
     */
    public static final Map<String, Duration> DEFAULT_PROMISE = Map.of(
            "simple", Duration.ofHours(2),
            "complex", Duration.ofHours(24),
            "complaint", Duration.ofHours(2),
            "closed", Duration.ofHours(2));

    public Store {
        jdbcUrl = jdbcUrl == null ? DEFAULT_JDBC_URL : jdbcUrl.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
        retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        claimTimeout = claimTimeout == null ? DEFAULT_CLAIM_TIMEOUT : claimTimeout;
        promise = withDefaults(promise);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        spool = spool == null ? DEFAULT_SPOOL : spool;
        var check = new Check();
        check.that("jdbc-url", jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.startsWith("jdbc:postgresql:"),
                Check.quote(jdbcUrl) + " is neither jdbc:sqlite:<file> nor jdbc:postgresql://<host>/<db>");
        check.that("jdbc-url", !jdbcUrl.startsWith("jdbc:sqlite:") || !jdbcUrl.contains(":memory:"),
                "an in-memory SQLite database would lose every callback on restart");
        check.count("max-attempts", maxAttempts, 1, 20);
        check.between("retry-after", retryAfter, Duration.ofMinutes(1), Duration.ofHours(24));
        check.between("claim-timeout", claimTimeout, Duration.ofMinutes(1), Duration.ofHours(24));
        check.between("timeout", timeout, Duration.ofMillis(100), Duration.ofSeconds(30));
        check.that("spool", !spool.toString().isBlank(), "must name a file");
        promise.forEach((reason, within) -> {
            check.entryName("promise", reason, Check.isReasonCode(reason), Check.notReasonCode(reason));
            check.entryValue("promise", reason,
                    within.compareTo(Duration.ofMinutes(1)) >= 0 && within.compareTo(Duration.ofDays(7)) <= 0,
                    Durations.format(within) + " is outside 1m..168h");
        });
        check.done();
    }

    /** The store without the fault settings (timeout and spool at their defaults). */
    public Store(String jdbcUrl, String user, String password, Integer maxAttempts, Duration retryAfter,
                 Duration claimTimeout, Map<String, Duration> promise) {
        this(jdbcUrl, user, password, maxAttempts, retryAfter, claimTimeout, promise, null, null);
    }

    public static Store defaults() {
        return new Store(null, null, null, null, null, null, null);
    }

    /** The default store with another JDBC URL (tests, the ops CLI). */
    public static Store at(String jdbcUrl) {
        return new Store(jdbcUrl, null, null, null, null, null, null);
    }

    /** The same store with another timeout and spool file (tests). */
    public Store withFaults(Duration newTimeout, Path newSpool) {
        return new Store(jdbcUrl, user, password, maxAttempts, retryAfter, claimTimeout, promise, newTimeout, newSpool);
    }

    /** The reply time promised for {@code reason}; empty for a reason the config does not know. */
    public Optional<Duration> promiseFor(String reason) {
        return Optional.ofNullable(promise.get(reason));
    }

    @Override
    public String toString() {
        return "Store[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maxAttempts=" + maxAttempts + ", retryAfter=" + retryAfter + ", claimTimeout=" + claimTimeout
                + ", promise=" + promise + ", timeout=" + timeout + ", spool=" + spool + "]";
    }

    private static Map<String, Duration> withDefaults(Map<String, Duration> given) {
        var merged = new TreeMap<String, Duration>(DEFAULT_PROMISE);
        if (given != null) {
            given.forEach((reason, within) -> {
                if (reason == null || within == null) {
                    throw new Check.Invalid(List.of(new Check.Problem("promise", List.of("promise"),
                            "every reason needs a duration", Set.of("promise"))));
                }
                merged.put(reason, within);
            });
        }
        return Collections.unmodifiableSortedMap(merged);
    }
}
