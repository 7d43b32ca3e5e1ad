package hotline.draw;

import static hotline.config.Durations.format;
import static hotline.draw.InboundDiagram.pauseAndHangUp;
import static hotline.draw.InboundDiagram.prompt;

import hotline.config.Script;
import hotline.draw.Graph.Shape;

/**
 * The parts of the inbound flow after the first minute's listening: the agents' queue with its
 * patience prompts and the callback offer (hotline.flow.ToAgents), the callback capture
 * (CallbackCapture), the escalation to the team lead (Escalation) and the dialect ladder (DialectLadder).
 */
final class WaitingDiagram {

    private final Script script;
    private final Graph g;

    WaitingDiagram(Script script, Graph g) {
        this.script = script;
        this.g = g;
    }

    void draw() {
        agents();
        callbacks();
        complaint();
        dialect();
    }

    private void agents() {
        var a = script.inbound().agents();
        g.section("agents", "the agents' queue (§5)");
        g.node("connecting", Shape.STEP, prompt(a.connecting()));
        String queue = g.node("queue", Shape.WAIT, "queue " + a.queue() + " with music on hold\nstays ≤ "
                + format(a.patienceEvery()) + "; the agent hears " + a.agentWhisper() + "\n(an apology after "
                + format(a.apologiseAfter()) + " of waiting)");
        g.edge("connecting", queue);
        g.node("queue_end", Shape.DECISION, "the stay ended");
        g.edge(queue, "queue_end");
        g.node("out_queued", Shape.OUTCOME, "queued:" + a.queue() + "\n(answered, or abandoned: the caller hung up)");
        g.edge("queue_end", "out_queued", "an agent answered / hung up");
        g.node("patience", Shape.STEP, prompt(a.patiencePrompt()));
        g.edge("queue_end", "patience", "every " + format(a.patienceEvery()));
        g.edge("patience", queue, "back in, same place");
        g.node("offer", Shape.STEP, prompt(a.callbackOfferPrompt()) + "\n(press 1), then 3 s for the key");
        g.edge("queue_end", "offer", "once, at " + format(a.callbackOfferAfter()));
        g.edge("offer", queue, "no key: back in, same place");
        g.edge("offer", "cb_start", "1: callback, reason " + a.callbackReason());
        g.node("gave_up", Shape.STEP, prompt(a.gaveUpPrompt()));
        g.edge("queue_end", "gave_up", "max-wait " + format(a.maxWait()) + " or the queue ended it");
        pauseAndHangUp(g, "gave_up", a.pauseBeforeHangup(), "queue-gave-up:" + a.queue());
    }

    private void callbacks() {
        var c = script.inbound().callbacks();
        g.section("callbacks", "the callback capture (§5, 004 §11)");
        g.node("cb_start", Shape.DECISION, "over " + c.maxPerCaller() + " requests per caller in "
                + format(c.perCallerWindow()) + "?");
        g.node("cb_limit", Shape.STEP, prompt(c.limitPrompt()));
        g.edge("cb_start", "cb_limit", "yes");
        pauseAndHangUp(g, "cb_limit", c.pauseBeforeHangup(), "callback-refused:rate-limited");
        g.node("cb_id", Shape.STEP, prompt(c.useCallerIdPrompt()) + " + the digits\n" + prompt(c.confirmCallerIdPrompt())
                + "\n(1 this number, 2 another; " + format(c.answerWithin()) + ")");
        g.edge("cb_start", "cb_id", "no, a caller ID");
        g.node("cb_enter", Shape.STEP, prompt(c.enterNumberPrompt()) + "\n" + c.minDigits() + "-" + c.maxDigits()
                + " digits then #, " + format(c.answerWithin()));
        g.edge("cb_start", "cb_enter", "no caller ID");
        g.edge("cb_id", "cb_enter", "2");
        g.node("cb_not_allowed", Shape.STEP, prompt(c.notAllowedPrompt()) + "\n(prefixes " + c.allowedPrefixes().size()
                + " allowed)");
        g.edge("cb_enter", "cb_not_allowed", "outside the prefixes");
        g.edge("cb_not_allowed", "cb_enter", "again");
        g.node("cb_read_back", Shape.STEP, prompt(c.youEnteredPrompt()) + " + the digits\n" + prompt(c.confirmPrompt())
                + "\n(1 correct, 2 again)");
        g.edge("cb_enter", "cb_read_back", "a number");
        g.edge("cb_read_back", "cb_enter", "2");
        g.node("cb_no_number", Shape.STEP, prompt(c.noNumberPrompt()));
        g.edge("cb_enter", "cb_no_number", "no number confirmed in " + c.attempts() + " tries");
        pauseAndHangUp(g, "cb_no_number", c.pauseBeforeHangup(),
                "callback-not-taken:<reason>\n(callback-refused:number-not-allowed\nwhen every number was outside the prefixes)");
        String record = c.recordName()
                ? g.node("cb_name", Shape.STEP, prompt(c.recordNamePrompt()) + "\nrecord ≤ " + format(c.recordNameMax()))
                : "cb_store";
        g.edge("cb_id", record, "1");
        g.edge("cb_read_back", record, "1");
        g.node("cb_store", Shape.STEP, "store the request durably\n(store, else the spool)");
        if (c.recordName()) g.edge("cb_name", "cb_store");
        var confirmed = new StringBuilder("then, and only then:");
        c.confirmedPrompts().forEach((reason, prompt) -> confirmed.append('\n').append(reason).append(": ")
                .append(prompt(prompt)).append(script.promiseFor(reason).map(p -> " (" + format(p) + ")").orElse("")));
        g.node("cb_confirmed", Shape.STEP, confirmed.toString());
        g.edge("cb_store", "cb_confirmed");
        pauseAndHangUp(g, "cb_confirmed", c.pauseBeforeHangup(), "callback-booked:<reason>");
    }

    private void complaint() {
        var c = script.inbound().complaint();
        if (c.key().isEmpty()) return;
        g.section("complaint", "a complaint: to the team lead (§6)");
        g.node("escalating", Shape.STEP, prompt(c.escalatingPrompt()));
        String last = "escalating";
        if (c.recordStatement()) {
            g.node("statement", Shape.STEP, prompt(c.statementPrompt()) + "\nrecord ≤ " + format(c.statementMax()));
            g.edge(last, "statement");
            last = "statement";
        }
        g.node("tell", Shape.STEP, "the caller's details on the channel\n(number, language, reason, waited, statement)");
        g.edge(last, "tell");
        g.node("lead_in", Shape.DECISION, "a team lead logged in to " + c.queue() + "?");
        g.edge("tell", "lead_in");
        g.node("lead_queue", Shape.WAIT, "queue " + c.queue() + " ≤ " + format(c.answerWithin())
                + "\nthe team lead hears " + c.whisper());
        g.edge("lead_in", "lead_queue", "yes");
        g.node("out_queued_lead", Shape.OUTCOME, "queued:" + c.queue());
        g.edge("lead_queue", "out_queued_lead", "answered / hung up");
        g.node("lead_unavailable", Shape.STEP, prompt(c.unavailablePrompt()));
        g.edge("lead_in", "lead_unavailable", "no");
        g.edge("lead_queue", "lead_unavailable", "not answered in time");
        g.edge("lead_unavailable", "cb_start", "callback, reason " + c.reason());
    }

    private void dialect() {
        var d = script.inbound().dialect();
        if (script.languages().dialectKey().isEmpty()) return;
        g.section("dialect", "the dialect ladder (§4)");
        String last = "";
        for (int i = 0; i < d.steps().size(); i++) {
            String id = g.node("dialect" + i, Shape.STEP, prompt(d.steps().get(i)) + "\n" + prompt(d.yesNoPrompt())
                    + "\nthen " + format(d.answerWithin()) + " for 1 / 2");
            if (!last.isEmpty()) g.edge(last, id, "2 or no key");
            g.edge(id, "connecting", "1: yes, in the standard language");
            last = id;
        }
        // each language ends the ladder its own way (inbound.dialect.by-language)
        String routes = script.languages().offered().stream()
                .map(lang -> lang + ": " + (d.routeFor(lang).queues().isEmpty() ? "none"
                        : String.join(", ", d.routeFor(lang).queues())))
                .collect(java.util.stream.Collectors.joining("; "));
        g.node("dialect_has", Shape.DECISION, "the caller's language has dialect queues?\n" + routes);
        g.edge(last.isEmpty() ? "key" : last, "dialect_has", "2 or no key");
        g.node("dialect_in", Shape.DECISION, "a colleague logged in to one of them (in order)?");
        g.edge("dialect_has", "dialect_in", "yes");
        g.node("dialect_transfer", Shape.STEP, prompt(d.transferPrompt()) + "\nthat queue ≤ " + format(d.maxWait()));
        g.edge("dialect_in", "dialect_transfer", "yes");
        g.node("out_queued_dialect", Shape.OUTCOME, "queued:<dialect queue>");
        g.edge("dialect_transfer", "out_queued_dialect", "answered");
        g.node("dialect_bye", Shape.STEP, prompt(d.unavailablePrompt()));
        g.edge("dialect_in", "dialect_bye", "no");
        g.edge("dialect_transfer", "dialect_bye", "not answered");
        pauseAndHangUp(g, "dialect_bye", d.pauseBeforeHangup(), "dialect-unavailable:<dialect queue>");
        g.node("dialect_none", Shape.STEP, prompt(d.noQueuePrompt()));
        g.edge("dialect_has", "dialect_none", "no");
        pauseAndHangUp(g, "dialect_none", d.pauseBeforeHangup(), "dialect-unavailable:none");
    }
}
