package hotline.store;

import hotline.flow.CallerHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows' {@link CallerHistory} over the store's {@link CallerRecords}. A store that fails
 * (bounded by store.timeout) or a number it cannot keep never stops a call: the caller is taken
 * as a first call from an unblocked number, and the report or block is logged for a person.
 */
public final class StoreCallerHistory implements CallerHistory {

    private static final Logger log = LoggerFactory.getLogger(StoreCallerHistory.class);

    private final CallerRecords records;

    public StoreCallerHistory(CallerRecords records) {
        this.records = records;
    }

    @Override
    public Arrival arrived(String number, Instant at, Duration within) {
        try {
            return records.arrived(number, at, within);
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("caller {} not looked up (taken as a first call, not blocked): {}", Fields.shown(number, 24),
                    e.getMessage());
            return Arrival.FIRST_CALL;
        }
    }

    @Override
    public int report(AbuseReport report, Instant countSince, Instant forgetBefore) {
        try {
            int reports = records.report(report, countSince, forgetBefore);
            log.info("abuse report stored for caller {} (call {}, agent {}): {} within the window",
                    report.callerNumber(), report.callId(), report.agent(), reports);
            return reports;
        } catch (StoreException | IllegalArgumentException e) {
            log.error("abuse report for caller {} (call {}, agent {}, queue {}) NOT stored: {}",
                    Fields.shown(report.callerNumber(), 24), Fields.shown(report.callId(), 64),
                    Fields.shown(report.agent(), 128), Fields.shown(report.queue(), 80), e.getMessage());
            return 0;
        }
    }

    @Override
    public void block(String number, Instant at, Instant until, String why) {
        try {
            records.block(number, at, Optional.of(until), why, "auto");
            log.warn("caller {} blocked until {}: {}", number, until, why);
        } catch (StoreException | IllegalArgumentException e) {
            log.error("caller {} NOT blocked ({}): {}", Fields.shown(number, 24), why, e.getMessage());
        }
    }
}
