package hotline.store;

import hotline.flow.CallerHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the store keeps of callers (docs/operations.md#callers, the schema in V4__calls_and_reports.sql
 * and V7__callback_requests.sql): each number's latest call within the repeat window, abuse
 * reports, the block list, and the callback requests the per-caller limit counts. Numbers
 * are caller ID digits (1 to 20); every other field is bounded and checked before it is written.
 * Every method throws {@link StoreException} when the database fails, and
 * {@link IllegalArgumentException} for a field out of bounds. Shared by several nodes on PostgreSQL.
 */
public interface CallerRecords {

    /**
     * A call from {@code number} arrived at {@code at}: {@link CallerHistory.Arrival.Blocked}, or
     * its previous call within {@code within} and whether a callback to it is PENDING or DIALLING.
     * In the same transaction the call is remembered (when {@code within} is not zero) and every
     * call older than {@code within} deleted.
     */
    CallerHistory.Arrival arrived(String number, Instant at, Duration within);

    /**
     * Stores a report, deletes reports made before {@code forgetBefore}, and returns how many
     * reports of its number were made since {@code countSince}, this one counted.
     */
    int report(CallerHistory.AbuseReport report, Instant countSince, Instant forgetBefore);

    /** The latest reports, newest first; of one number only when given. */
    List<Report> reports(Optional<String> number, int atMost);

    /** Puts {@code number} on the block list (again: the new entry replaces the old); empty until = until removed. */
    BlockEntry block(String number, Instant at, Optional<Instant> until, String reason, String by);

    /** Takes {@code number} off the block list; false when it was not on it. */
    boolean unblock(String number);

    /** The numbers blocked at {@code at}, by number; entries whose time is over are deleted first. */
    List<BlockEntry> blocked(Instant at);

    /** Callback requests counted under {@code key} ({@code caller:<digits>}, {@code number:<digits>}) after {@code since}. */
    int requestsSince(String key, Instant since);

    /**
     * In one transaction, which every node's admit waits for: unless a key already has {@code max}
     * requests after {@code since}, one request at {@code at} is counted under every key (true).
     * Requests of any key from before {@code since} are deleted.
     */
    boolean admitRequest(List<String> keys, Instant at, Instant since, int max);

    /** One entry of the block list. */
    record BlockEntry(String number, Instant blockedAt, Optional<Instant> until, String reason, String by) {}

    /** One stored abuse report. */
    record Report(long id, Instant at, String number, String callId, String agent, String queue) {}
}
