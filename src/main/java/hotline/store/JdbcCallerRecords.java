package hotline.store;

import hotline.flow.CallerHistory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link CallerRecords} over the callback store's pool. Each operation is one transaction; the
 * upserts ({@code INSERT ... ON CONFLICT ... DO UPDATE}) are the same SQL on SQLite 3.24+ and
 * PostgreSQL 9.5+, so two nodes taking a call from one number at once both succeed.
 */
final class JdbcCallerRecords implements CallerRecords {

    private static final int REPORTS_AT_MOST = 1000;
    /** Run at every call's answer: two index searches (callbacks_number, callbacks_caller), never the table's past. */
    static final String OPEN_CALLBACK = "SELECT id FROM callbacks WHERE (callback_number = ? OR caller_id = ?) "
            + "AND state IN ('PENDING', 'DIALLING') LIMIT 1";

    private final Sql sql;
    private final Dialect dialect;

    JdbcCallerRecords(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    @Override
    public CallerHistory.Arrival arrived(String number, Instant at, Duration within) {
        Fields.callerNumber(number);
        long now = at.toEpochMilli();
        return sql.transaction("look up caller " + number, c -> {
            if (isBlocked(c, number, now)) return new CallerHistory.Arrival.Blocked();
            Sql.update(c, "DELETE FROM recent_calls WHERE last_call_at < ?", now - within.toMillis());
            if (within.isZero()) return CallerHistory.Arrival.FIRST_CALL;
            Optional<Instant> last = Sql.first(Sql.query(c, "SELECT last_call_at FROM recent_calls WHERE caller_number = ?",
                    rs -> Instant.ofEpochMilli(rs.getLong(1)), number)).filter(t -> t.isBefore(at));
            Sql.update(c, "INSERT INTO recent_calls (caller_number, last_call_at) VALUES (?, ?) "
                    + "ON CONFLICT (caller_number) DO UPDATE SET last_call_at = excluded.last_call_at", number, now);
            boolean pending = !Sql.query(c, OPEN_CALLBACK, rs -> rs.getLong(1), number, number).isEmpty();
            return new CallerHistory.Arrival.Seen(last, pending);
        });
    }

    private static boolean isBlocked(Connection c, String number, long now) throws SQLException {
        return !Sql.query(c, "SELECT caller_number FROM blocked_numbers WHERE caller_number = ? "
                + "AND (blocked_until IS NULL OR blocked_until > ?)", rs -> rs.getString(1), number, now).isEmpty();
    }

    @Override
    public int report(CallerHistory.AbuseReport report, Instant countSince, Instant forgetBefore) {
        String number = report.callerNumber().isEmpty() ? "" : Fields.callerNumber(report.callerNumber());
        Fields.bounded("call-id", report.callId(), 64);
        Fields.bounded("agent", report.agent(), 128);
        Fields.bounded("queue", report.queue(), 80);
        return sql.transaction("store an abuse report", c -> {
            Sql.update(c, "DELETE FROM reports WHERE reported_at < ?", forgetBefore.toEpochMilli());
            Sql.update(c, "INSERT INTO reports (reported_at, caller_number, call_id, agent, queue, kind) "
                    + "VALUES (?, ?, ?, ?, ?, 'abusive')", report.at().toEpochMilli(), number, report.callId(),
                    report.agent(), report.queue());
            return Sql.query(c, "SELECT count(*) FROM reports WHERE caller_number = ? AND reported_at >= ?",
                    rs -> rs.getInt(1), number, countSince.toEpochMilli()).getFirst();
        });
    }

    @Override
    public List<Report> reports(Optional<String> number, int atMost) {
        number.ifPresent(Fields::callerNumber);
        int limit = Math.clamp(atMost, 1, REPORTS_AT_MOST);
        String select = "SELECT id, reported_at, caller_number, call_id, agent, queue FROM reports"
                + (number.isPresent() ? " WHERE caller_number = ?" : "") + " ORDER BY reported_at DESC, id DESC LIMIT " + limit;
        return sql.query("list abuse reports", select, rs -> new Report(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), number.stream().toArray());
    }

    @Override
    public BlockEntry block(String number, Instant at, Optional<Instant> until, String reason, String by) {
        Fields.callerNumber(number);
        Fields.bounded("reason", reason, 200);
        Fields.bounded("by", by, 80);
        Fields.check(until.isEmpty() || until.get().isAfter(at), "until: must be after the block starts");
        sql.transaction("block " + number, c -> Sql.update(c, "INSERT INTO blocked_numbers "
                + "(caller_number, blocked_at, blocked_until, reason, blocked_by) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (caller_number) DO UPDATE SET blocked_at = excluded.blocked_at, "
                + "blocked_until = excluded.blocked_until, reason = excluded.reason, blocked_by = excluded.blocked_by",
                number, at.toEpochMilli(), until.map(Instant::toEpochMilli).orElse(null), reason, by));
        return new BlockEntry(number, at, until, reason, by);
    }

    @Override
    public boolean unblock(String number) {
        Fields.callerNumber(number);
        return sql.update("unblock " + number, "DELETE FROM blocked_numbers WHERE caller_number = ?", number) == 1;
    }

    @Override
    public List<BlockEntry> blocked(Instant at) {
        return sql.transaction("list the block list", c -> {
            Sql.update(c, "DELETE FROM blocked_numbers WHERE blocked_until IS NOT NULL AND blocked_until <= ?",
                    at.toEpochMilli());
            return Sql.query(c, "SELECT caller_number, blocked_at, blocked_until, reason, blocked_by FROM blocked_numbers "
                    + "ORDER BY caller_number", JdbcCallerRecords::entry);
        });
    }

    private static BlockEntry entry(ResultSet rs) throws SQLException {
        long until = rs.getLong(3);
        Optional<Instant> end = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
        return new BlockEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), end, rs.getString(4), rs.getString(5));
    }

    @Override
    public int requestsSince(String key, Instant since) {
        return sql.query("count callback requests", "SELECT count(*) FROM callback_requests WHERE count_key = ? "
                + "AND requested_at > ?", rs -> rs.getInt(1), requestKey(key), since.toEpochMilli()).getFirst();
    }

    @Override
    public boolean admitRequest(List<String> keys, Instant at, Instant since, int max) {
        keys.forEach(JdbcCallerRecords::requestKey);
        return sql.transaction("count a callback request", c -> {
            dialect.lockRequests(c);
            Sql.update(c, "DELETE FROM callback_requests WHERE requested_at <= ?", since.toEpochMilli());
            for (String key : keys) {
                int counted = Sql.query(c, "SELECT count(*) FROM callback_requests WHERE count_key = ?",
                        rs -> rs.getInt(1), key).getFirst();
                if (counted >= max) return false;
            }
            for (String key : keys) {
                Sql.update(c, "INSERT INTO callback_requests (count_key, requested_at) VALUES (?, ?)", key, at.toEpochMilli());
            }
            return true;
        });
    }

    /** {@code caller:} or {@code number:} and 1 to 20 digits, nothing else reaches the table. */
    private static String requestKey(String key) {
        Fields.check(key.matches("(caller|number):[0-9]{1,20}"), "request key: caller:<digits> or number:<digits>, got "
                + Fields.shown(key, 40));
        return key;
    }
}
