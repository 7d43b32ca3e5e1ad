package hotline.config;

import java.time.Duration;

/**
 * Complaints escalated to the team lead (call-scripts.md §6): tell the caller why and to
 * whom, let them record a short statement, pass their details along, make sure someone
 * answers, or take a callback for the team lead.
 *
 * @param key               the key at the greeting that starts it; "" = not offered
 * @param optionPrompt      "to make a complaint, press 8" (in the greeting menu)
 * @param escalatingPrompt  why and to whom the call goes
 * @param recordStatement   whether the caller may record a statement first
 * @param statementPrompt   "after the tone, briefly describe your complaint, then press hash"
 * @param statementMax      the longest statement, 5s..5m
 * @param queue             the team lead queue (queues.conf)
 * @param answerWithin      no team lead answers within this → callback, 5s..10m
 * @param whisper           dialplan context (Gosub on the team lead's channel before the
 *                          bridge) that announces the caller's details; asterisk-conf/extensions.conf
 * @param reason            the callback reason code when no team lead is free
 * @param unavailablePrompt said when no team lead is logged in or none answers in time, before the
 *                          callback number is taken: "our team lead is not available right now, so
 *                          let me take your number"; default complaint-callback-instead
 */
public record Complaint(String key, String optionPrompt, String escalatingPrompt, Boolean recordStatement,
                        String statementPrompt, Duration statementMax, String queue, Duration answerWithin,
                        String whisper, String reason, String unavailablePrompt) {

    public Complaint {
        key = key == null ? "" : key;
        optionPrompt = optionPrompt == null ? "complaint-option" : optionPrompt;
        escalatingPrompt = escalatingPrompt == null ? "complaint-escalating" : escalatingPrompt;
        recordStatement = recordStatement == null ? Boolean.TRUE : recordStatement;
        statementPrompt = statementPrompt == null ? "complaint-record-statement" : statementPrompt;
        statementMax = statementMax == null ? Duration.ofSeconds(60) : statementMax;
        queue = queue == null ? "teamlead" : queue;
        answerWithin = answerWithin == null ? Duration.ofSeconds(30) : answerWithin;
        whisper = whisper == null ? "teamlead-whisper" : whisper;
        reason = reason == null ? "complaint" : reason;
        unavailablePrompt = unavailablePrompt == null ? "complaint-callback-instead" : unavailablePrompt;
        var check = new Check();
        check.phoneKey("key", key, true);
        check.promptKey("option-prompt", optionPrompt);
        check.promptKey("escalating-prompt", escalatingPrompt);
        check.promptKey("statement-prompt", statementPrompt);
        check.between("statement-max", statementMax, Duration.ofSeconds(5), Duration.ofMinutes(5));
        check.queueName("queue", queue);
        check.wholeSecondsBetween("answer-within", answerWithin, 5, 600);
        check.contextName("whisper", whisper);
        check.reasonCode("reason", reason);
        check.promptKey("unavailable-prompt", unavailablePrompt);
        check.done();
    }

    static Complaint defaults() {
        return new Complaint(null, null, null, null, null, null, null, null, null, null, null);
    }
}
