package hotline.agi;

import hotline.store.AttemptResult;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callee who answered while no node listened: its node was killed (or lost AMI) while the phone
 * rang, so nobody heard the OriginateResponse and the attempt went back in line as
 * {@code interrupted}. The dialplan marked the answer ({@code DB(hotline-callback/<mark>)} = the
 * attempt, written by {@code [hotline-callback]} at once): such an attempt is closed as reached
 * (DONE), so that callee is never dialled again (docs/callbacks.md#placing-callbacks-back). The
 * mark is the id and the creation time, so a store started afresh (ids from 1 again) never meets
 * an old store's marks.
 */
final class AnsweredUnheard {

    private static final Logger log = LoggerFactory.getLogger(AnsweredUnheard.class);

    /** Records an attempt's result: the dialler's own bookkeeping. */
    interface Recorder {
        void record(long id, int attempt, AttemptResult result);
    }

    private AnsweredUnheard() {
    }

    /** The key of a callback's mark: {@code <id>-<created, epoch ms>}. */
    static String markOf(CallbackRequest callback) {
        return callback.id() + "-" + callback.createdAt().toEpochMilli();
    }

    /**
     * Just claimed for another attempt after an interrupted one: true when the dialplan marked
     * that earlier attempt answered, so this one must not ring the callee again. Asterisk not
     * answering the question leaves it to the dial (the claim's Originate fails the same way).
     */
    static boolean beforeRedial(CallbackRequest claimed, Switchboard board) {
        if (!claimed.lastResult().equals(Optional.of(AttemptResult.INTERRUPTED))) return false;
        try {
            Optional<Integer> mark = board.answeredAttempt(markOf(claimed));
            if (mark.isPresent() && mark.get() == claimed.attempts() - 1) {
                log.warn("callback {}: attempt {} was answered while no node listened (the dialplan's mark); "
                        + "DONE, attempt {} not dialled", claimed.id(), mark.get(), claimed.attempts());
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("callback {}: cannot ask Asterisk whether attempt {} was answered: {}", claimed.id(),
                    claimed.attempts() - 1, e.getMessage());
        }
        return false;
    }

    /** Every interrupted callback whose last attempt the dialplan marked answered is recorded reached. */
    static int close(CallbackStore store, Switchboard board, Recorder recorder) {
        List<CallbackRequest> interrupted;
        try {
            interrupted = store.interrupted();
        } catch (RuntimeException e) {
            log.warn("interrupted callbacks not checked for an answer this round: {}", e.getMessage());
            return 0;
        }
        int closed = 0;
        for (CallbackRequest c : interrupted) {
            Optional<Integer> mark;
            try {
                mark = board.answeredAttempt(markOf(c));
            } catch (RuntimeException e) { // Asterisk away: the next round asks again, before retry-after
                log.warn("callback {}: cannot ask Asterisk whether attempt {} was answered: {}", c.id(), c.attempts(),
                        e.getMessage());
                return closed;
            }
            if (mark.isPresent() && mark.get() == c.attempts()) {
                log.warn("callback {} attempt {}: answered while no node listened (the dialplan's mark); DONE, "
                        + "not dialled again", c.id(), c.attempts());
                recorder.record(c.id(), c.attempts(), AttemptResult.reached());
                closed++;
            }
        }
        return closed;
    }
}
