package hotline.store;

import hotline.flow.RequestCounts;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-caller callback limit counted in the store (V7), so every node on one PostgreSQL
 * counts the same requests. A store that fails never stops a booking nor lifts the limit: this
 * node's memory counts meanwhile (what it counted is not copied back), as it does a key the
 * table cannot hold (a caller ID that is not digits); the booking itself
 * goes to the spool as always.
 */
public final class StoreRequestCounts implements RequestCounts {

    private static final Logger log = LoggerFactory.getLogger(StoreRequestCounts.class);

    private final CallerRecords records;
    private final RequestCounts meanwhile = RequestCounts.inMemory();

    public StoreRequestCounts(CallerRecords records) {
        this.records = records;
    }

    @Override
    public int since(String key, Instant since) {
        try {
            return records.requestsSince(key, since);
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("callback requests of {} not counted in the store, this node's count used: {}",
                    Fields.shown(key, 40), e.getMessage());
            return meanwhile.since(key, since);
        }
    }

    @Override
    public boolean admit(List<String> keys, Instant at, Instant since, int max) {
        try {
            return records.admitRequest(keys, at, since, max);
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("callback request of {} not counted in the store, this node's count used: {}", keys, e.getMessage());
            return meanwhile.admit(keys, at, since, max);
        }
    }
}
