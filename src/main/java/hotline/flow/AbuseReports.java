package hotline.flow;

import hotline.config.Callers;
import java.time.Instant;
import java.time.InstantSource;

/**
 * §7: an abusive caller is reported to the team lead: a stored report (besides the AMI event),
 * and when ops switched it on ({@code callers.auto-block-after}), the report that makes K within
 * the window puts the number on the block list for {@code callers.block-for}.
 */
final class AbuseReports {

    private final Callers config;
    private final CallerHistory history;
    private final InstantSource clock;

    AbuseReports(Callers config, CallerHistory history, InstantSource clock) {
        this.config = config;
        this.history = history;
        this.clock = clock;
    }

    /** Stores the report; true when it blocked the number. */
    boolean report(CallFacts facts, String agent, String queue) {
        Instant now = clock.instant();
        int reports = history.report(new CallerHistory.AbuseReport(facts.callerNumber(), facts.callId(), now, agent, queue),
                now.minus(config.autoBlockWithin()), now.minus(config.reportsKeep()));
        boolean block = config.autoBlockAfter() > 0 && reports >= config.autoBlockAfter()
                && !facts.callerNumber().isEmpty();
        if (block) {
            history.block(facts.callerNumber(), now, now.plus(config.blockFor()),
                    "auto: " + reports + " abuse reports within " + hotline.config.Durations.format(config.autoBlockWithin()));
        }
        return block;
    }
}
