package hotline.config;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * What the hotline remembers of callers ({@code callers:}, docs/operations.md#callers): recent
 * calls, so the answering agent hears that a caller called before (call-scripts.md §1); abuse
 * reports (§7); and the block list ops keep, a blocked caller hearing one polite sentence.
 *
 * @param repeatWithin     a caller whose number called within this long (or has a callback still
 *                         pending) is announced to the agent in the whisper; a call is forgotten
 *                         after it; 0s switches it off (and forgets every call), 0s..90d
 * @param blockedPrompt    what a blocked caller hears instead of the greeting (§7: polite, short)
 * @param pauseBeforeHangup after it, then the hang-up, 1s..30s (§2, §9: 5 s, never abruptly)
 * @param autoBlockAfter   this many abuse reports of one number within {@code auto-block-within}
 *                         put it on the block list for {@code block-for}; 0 = never, 0..100
 * @param autoBlockWithin  the window those reports are counted in, 1h..365d
 * @param blockFor         how long an automatic block lasts, and {@code hotline block add}'s
 *                         default, 1h..365d
 * @param reportsKeep      an abuse report is deleted this long after it was made, 1d..3650d
 */
public record Callers(Duration repeatWithin, String blockedPrompt, Duration pauseBeforeHangup, Integer autoBlockAfter,
                      Duration autoBlockWithin, Duration blockFor, Duration reportsKeep) {

    public Callers {
        repeatWithin = repeatWithin == null ? Duration.ofDays(7) : repeatWithin;
        blockedPrompt = blockedPrompt == null ? "line-cannot-take-call" : blockedPrompt;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        autoBlockAfter = autoBlockAfter == null ? 0 : autoBlockAfter;
        autoBlockWithin = autoBlockWithin == null ? Duration.ofDays(30) : autoBlockWithin;
        blockFor = blockFor == null ? Duration.ofDays(30) : blockFor;
        reportsKeep = reportsKeep == null ? Duration.ofDays(365) : reportsKeep;
        var check = new Check();
        check.between("repeat-within", repeatWithin, Duration.ZERO, Duration.ofDays(90));
        check.promptKey("blocked-prompt", blockedPrompt);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.count("auto-block-after", autoBlockAfter, 0, 100);
        check.between("auto-block-within", autoBlockWithin, Duration.ofHours(1), Duration.ofDays(365));
        check.between("block-for", blockFor, Duration.ofHours(1), Duration.ofDays(365));
        check.between("reports-keep", reportsKeep, Duration.ofDays(1), Duration.ofDays(3650));
        check.done();
    }

    public static Callers defaults() {
        return new Callers(null, null, null, null, null, null, null);
    }

    /** Whether repeat callers are remembered and announced at all. */
    public boolean remembersCalls() {
        return !repeatWithin.isZero();
    }

    /** The prompt a blocked caller hears, and the prompts the [agent-whisper] dialplan says about a repeat caller. */
    Stream<InboundScript.PromptUse> promptUses() {
        return Stream.of(new InboundScript.PromptUse("callers.blocked-prompt", blockedPrompt),
                // asterisk-conf's [agent-whisper] says these to the agent (HOTLINE_REPEAT_DAYS, HOTLINE_CALLBACK_PENDING)
                new InboundScript.PromptUse("callers.repeat-within", "agent-repeat-caller"),
                new InboundScript.PromptUse("callers.repeat-within", "agent-repeat-today"),
                new InboundScript.PromptUse("callers.repeat-within", "agent-repeat-days"),
                new InboundScript.PromptUse("callers.repeat-within", "agent-repeat-callback"));
    }
}
