package hotline.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link QueueArrivals} in the {@code queue_arrivals} table (V5). Arrival order is
 * {@code (arrived_at, call_id)}, the same tie-break as the in-memory places; arrival times come
 * from the nodes' clocks (NTP keeps them within milliseconds, far below a place in line).
 */
final class JdbcQueueArrivals implements QueueArrivals {

    /** Rows renewed per statement: a node's live calls are a few hundred at most. */
    private static final int RENEW_CHUNK = 100;

    private final Sql sql;

    JdbcQueueArrivals(Sql sql) {
        this.sql = sql;
    }

    @Override
    public int placeFor(String queue, String callId, String node, Instant arrivedAt, Instant now, Instant leaseUntil) {
        String q = bounded("queue", queue, 40);
        String call = bounded("call-id", callId, 64);
        bounded("node", node, 80);
        return sql.transaction("place in queue " + q, c -> {
            Sql.update(c, "INSERT INTO queue_arrivals (queue, call_id, node, arrived_at, lease_until) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (queue, call_id) DO UPDATE SET node = excluded.node, lease_until = excluded.lease_until",
                    q, call, node, arrivedAt.toEpochMilli(), leaseUntil.toEpochMilli());
            long ahead = Sql.query(c, "SELECT count(*) AS n FROM queue_arrivals a JOIN queue_arrivals me "
                    + "ON me.queue = a.queue AND me.call_id = ? WHERE a.queue = ? AND a.call_id <> me.call_id "
                    + "AND a.lease_until >= ? AND (a.arrived_at < me.arrived_at "
                    + "OR (a.arrived_at = me.arrived_at AND a.call_id < me.call_id))",
                    rs -> rs.getLong("n"), call, q, now.toEpochMilli()).getFirst();
            return (int) Math.min(Integer.MAX_VALUE - 1, ahead) + 1;
        });
    }

    @Override
    public void leave(String queue, String callId) {
        sql.update("leave queue", "DELETE FROM queue_arrivals WHERE queue = ? AND call_id = ?",
                bounded("queue", queue, 40), bounded("call-id", callId, 64));
    }

    @Override
    public void leaveAll(String callId) {
        sql.update("leave every queue", "DELETE FROM queue_arrivals WHERE call_id = ?", bounded("call-id", callId, 64));
    }

    @Override
    public int renew(String node, Collection<String> callIds, Instant leaseUntil) {
        List<String> ids = List.copyOf(callIds);
        int renewed = 0;
        for (int from = 0; from < ids.size(); from += RENEW_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + RENEW_CHUNK));
            var args = new ArrayList<Object>();
            args.add(leaseUntil.toEpochMilli());
            args.add(node);
            args.addAll(chunk);
            renewed += sql.update("renew queue arrivals", "UPDATE queue_arrivals SET lease_until = ? WHERE node = ? "
                    + "AND call_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    args.toArray());
        }
        return renewed;
    }

    @Override
    public int forgetExpired(Instant now) {
        return sql.update("forget expired queue arrivals", "DELETE FROM queue_arrivals WHERE lease_until < ?",
                now.toEpochMilli());
    }

    /** Keys come from this server (config queue names, cleaned AGI ids); still never stored unchecked. */
    private static String bounded(String key, String value, int max) {
        Fields.check(value != null && !value.isEmpty() && value.length() <= max && value.chars().noneMatch(Character::isISOControl),
                key + ": '" + Fields.shown(value) + "' is not 1 to " + max + " printable characters");
        return value;
    }
}
