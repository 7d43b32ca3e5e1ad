package hotline.flow;

import hotline.config.Complaint;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * call-scripts.md §6: a complaint goes to the team lead. Tell the caller why and to whom,
 * let them record a short statement, pass their details along so they need not repeat
 * them, and make sure someone answers — or take a callback for the team lead.
 */
final class Escalation {

    private final Complaint complaint;
    private final CallbackCapture callbacks;
    private final InstantSource clock;

    Escalation(Complaint complaint, CallbackCapture callbacks, InstantSource clock) {
        this.complaint = complaint;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * @param answered when the call was answered: the team lead hears (and a callback keeps)
     *                 how long the caller has been on the line when their details are passed on
     */
    Outcome run(Caller caller, CallFacts facts, Instant answered) {
        caller.play(complaint.escalatingPrompt());
        Optional<String> statement = complaint.recordStatement()
                ? caller.recordVoice(complaint.statementPrompt(), "statement", complaint.statementMax())
                : Optional.empty();
        Duration waited = Duration.between(answered, clock.instant());
        if (waited.isNegative()) waited = Duration.ZERO; // a clock stepped back
        var details = new LinkedHashMap<String, String>();
        details.put("CALLER", facts.callerNumber());
        details.put("LANGUAGE", caller.language());
        details.put("REASON", complaint.reason());
        details.put("WAITED", String.valueOf(waited.toSeconds()));
        details.put("STATEMENT", statement.orElse(""));
        caller.tellAgents(details);
        if (caller.membersLoggedIn(complaint.queue()) > 0) {
            QueueEnd end = caller.enqueue(QueueEntry.once(complaint.queue(), complaint.answerWithin(),
                    Optional.of(complaint.whisper())));
            if (!(end instanceof QueueEnd.NotAnswered)) {
                return new Outcome.Queued(complaint.queue(), end);
            }
        }
        caller.play(complaint.unavailablePrompt()); // "our team lead is not available right now ..."
        return callbacks.take(caller, facts, complaint.reason(), complaint.queue(), waited, statement);
    }
}
