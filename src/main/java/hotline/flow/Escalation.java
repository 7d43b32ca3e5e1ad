package hotline.flow;

import hotline.config.Complaint;
import java.time.Duration;
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

    Escalation(Complaint complaint, CallbackCapture callbacks) {
        this.complaint = complaint;
        this.callbacks = callbacks;
    }

    Outcome run(Caller caller, CallFacts facts, Duration waited) {
        caller.play(complaint.escalatingPrompt());
        Optional<String> statement = complaint.recordStatement()
                ? caller.recordVoice(complaint.statementPrompt(), "statement", complaint.statementMax())
                : Optional.empty();
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
        return callbacks.take(caller, facts, complaint.reason(), complaint.queue(), waited, statement);
    }
}
