package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.agi.CallbackDialler;
import hotline.config.Dialler;
import hotline.config.HotlineConfig;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.lab.ShippedConfig;
import hotline.store.CallbackFilter;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import hotline.store.TestStores;
import hotline.time.Ticker;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * call-scripts.md §6.3 on the lab's real Asterisk 22: a team lead is logged in but does not answer
 * within inbound.complaint.answer-within (the shipped 30 s, kept: the wait is part of what is
 * proven), so the complaining caller hears complaint-callback-instead and leaves a callback for the
 * team lead, stored with their details; the dialler then places it back to a team lead who answers.
 * The shipped script with its team leads' queue renamed it-teamlead-late (a lab-only queue, so the
 * tests of teamlead run beside it); the robot caller is [robot-complains] (key 8 at the greeting,
 * then 1 every second), the team lead who never answers Local/late@robot-rings-unanswered, the one
 * who takes the callback Local/late@robot-agent. Run:
 * {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TeamLeadNoAnswerIT}.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class TeamLeadNoAnswerIT extends LabCalls {

    private static final int PORT = 4659;
    private static final String QUEUE = "it-teamlead-late";
    private static final String LATE = "Local/late@robot-rings-unanswered";
    private static final String LATE_LEAD = LATE + "/n";
    private static final String LEAD = "Local/late@robot-agent/n";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30); // inbound.complaint.answer-within, shipped
    /** As QueueCallbacksIT's: the lab's callback robots answer any number not starting with 0. */
    private static final Dialler DIALLER = new Dialler(true, "127.0.0.1", 5038, Lab.DIALLER_USER, Lab.DIALLER_SECRET,
            "Local/{number}@callback-robots", Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static HotlineConfig config;
    private static CallbackStore store;
    private static LabHotline hotline;
    private final List<String> loggedIn = new ArrayList<>();
    private CallbackDialler dialler;

    @BeforeAll
    static void startServer() throws Exception {
        config = ShippedConfig.with("TeamLeadNoAnswerIT", "queue: teamlead\n", "queue: " + QUEUE + "\n");
        assertThat(config.inbound().complaint().answerWithin()).isEqualTo(ANSWER_WITHIN);
        // RECORD FILE writes relative names under Asterisk's sounds folder
        Files.createDirectories(Lab.root().resolve("usr/share/asterisk/sounds/hotline-recordings"));
        store = TestStores.sqlite();
        hotline = new LabHotline(config, PORT, new StoreCallbackBook(store));
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
        store.close();
    }

    @AfterEach
    void stopTheDiallerAndLogTheTeamLeadsOut() {
        if (dialler != null) dialler.close();
        loggedIn.forEach(member -> lab.removeQueueMember(QUEUE, member));
    }

    @Test
    void aTeamLeadWhoDoesNotAnswerInThirtySecondsLeavesTheCallerTheCallbackInsteadStoredWithTheirDetailsAndPlacedBack()
            throws Exception {
        logIn(LATE_LEAD);
        String robot = lab.call("robot-complains", hotline.via());
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(150));

        assertThat(end.getOutcome()).isEqualTo("callback-booked:complaint");
        assertThat(lab.events(AgentConnectEvent.class)).noneMatch(e -> QUEUE.equals(e.getQueue()));
        String line = hotline.journalFor(end.getChannel());
        Lab.assertStepsInOrder(line, "complaint-escalating", "complaint-record-statement", "tell-agents",
                "queue-members", "queue", "complaint-callback-instead", "callback-use-caller-id", "say-digits",
                "callback-confirm-caller-id", "teamlead-unavailable", "pause", "hangup");
        JsonNode call = new ObjectMapper().readTree(line);
        assertThat(step(call, "queue-members").path("logged-in").asInt()).as("team leads logged in").isEqualTo(1);
        JsonNode queued = step(call, "queue");
        assertThat(queued.path("end").asText()).isEqualTo("not-answered");
        assertThat(queued.path("queue-status").asText()).isEqualTo("TIMEOUT");
        Duration rang = Duration.between(at(queued), at(step(call, "complaint-callback-instead")));
        System.out.printf("team lead not answering: the queue gave up after %d ms%n", rang.toMillis());
        assertThat(rang).isBetween(ANSWER_WITHIN.minusSeconds(1), ANSWER_WITHIN.plusSeconds(3));
        List<String> log = Lab.logLines(end.getChannel());
        Lab.assertInOrder(log, Lab.sent("GET FULL VARIABLE \"${QUEUE_MEMBER(" + QUEUE + ",logged)}\""),
                Lab.sent("EXEC \"Queue\" \"" + QUEUE + ",,,,30,,teamlead-whisper,,\""), Lab.sent("SAY DIGITS \"5550100\""));
        // the queue rang the late team lead for this caller, and they let it ring out (queues.conf timeout 15 s)
        assertThat(lab.events(AgentCalledEvent.class)).anyMatch(e -> QUEUE.equals(e.getQueue())
                && end.getChannel().equals(e.getChannel()) && String.valueOf(e.getInterface()).startsWith(LATE));
        assertThat(lab.events(AgentRingNoAnswerEvent.class)).anyMatch(e -> QUEUE.equals(e.getQueue())
                && end.getChannel().equals(e.getChannel()) && String.valueOf(e.getInterface()).startsWith(LATE));

        // the caller's side: the callback offered only after the whole wait, then the promise and 5 s
        var at = HeardPrompts.by(robot).assertInOrder("en", "complaint-escalating", "complaint-record-statement",
                "complaint-callback-instead", "callback-use-caller-id", "teamlead-unavailable");
        assertThat(at.get(2).minus(at.get(1)).minus(length("complaint-record-statement")))
                .as("from the statement prompt's end (the recording, then the queue) to complaint-callback-instead")
                .isGreaterThan(ANSWER_WITHIN);
        Duration hangup = Recording.lengthOf(Recording.heardBy(robot)).minus(at.get(4)).minus(length("teamlead-unavailable"));
        assertThat(hangup).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));

        CallbackRequest callback = onlyCallback();
        assertThat(callback.queue()).isEqualTo(CallbackQueue.of(QUEUE));
        assertThat(callback.reason()).isEqualTo("complaint");
        assertThat(callback.number().digits()).isEqualTo("5550100");
        assertThat(callback.language()).isEqualTo("en");
        assertThat(callback.recording()).hasValueSatisfying(r -> assertThat(r).endsWith("-statement"));
        assertThat(callback.caller().callerId()).contains("5550100");
        // the time on the line before the escalation, as the team lead is told (not the 30 s in the queue)
        Duration beforeEscalation = Duration.between(Instant.parse(call.path("started").asText()), at(step(call, "tell-agents")));
        assertThat(callback.caller().waited()).isBetween(beforeEscalation.minusSeconds(2), beforeEscalation.plusSeconds(1));
        Instant twoHours = callback.createdAt().plus(Duration.ofHours(2)); // store.promise.complaint, as teamlead-unavailable says
        assertThat(callback.promisedBy()).isBetween(twoHours.minusSeconds(5), twoHours.plusSeconds(5));

        placedBackToATeamLeadWhoAnswers(callback);
    }

    /** The late team lead logs out, one who answers logs in; the dialler places the callback to them. */
    private void placedBackToATeamLeadWhoAnswers(CallbackRequest callback) {
        lab.removeQueueMember(QUEUE, LATE_LEAD);
        loggedIn.remove(LATE_LEAD);
        logIn(LEAD);
        var lines = config.inbound().callbackLines();
        dialler = CallbackDialler.overAmi(DIALLER, () -> lines, store, Clock.systemUTC(), Ticker.SYSTEM);
        dialler.start();

        String leg = "Local/5550100@callback-robots";
        AgentConnectEvent connected = lab.await(AgentConnectEvent.class,
                e -> QUEUE.equals(e.getQueue()) && String.valueOf(e.getChannel()).startsWith(leg),
                Duration.ofSeconds(60), "the team lead of " + QUEUE + " taking the callback");
        List<String> whisper = Lab.logLines(connected.getDestChannel());
        lab.hangUp(connected.getChannel());

        Lab.assertInOrder(Lab.logLines(connected.getChannel()), Lab.played("callback-intro", "en"),
                "Queue\\(\"[^\"]+\", \"" + QUEUE + ",B\\(hotline-callback-queued\\^s\\^1\\),,,60,,teamlead-whisper,,1\"\\)");
        // the team lead hears the caller's details from the stored callback before the bridge
        Lab.assertInOrder(whisper, "Playback\\(\"Local/late@robot-agent-[^\"]+\", \"hotline/teamlead-caller-details\"\\)",
                "ExecIf\\(\"Local/late@robot-agent-[^\"]+\", \"1\\?SayDigits\\(5550100\\)\"\\)",
                "ExecIf\\(\"Local/late@robot-agent-[^\"]+\", \"1\\?SayNumber\\(" + callback.caller().waited().toSeconds()
                        + "\\)\"\\)",
                "ExecIf\\(\"Local/late@robot-agent-[^\"]+\", \"1\\?Playback\\("
                        + Pattern.quote(callback.recording().orElseThrow()) + "\\)\"\\)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CallbackRequest after = store.find(callback.id()).orElseThrow();
        while (after.state() != CallbackState.DONE && System.nanoTime() < deadline) {
            Lab.pause(100);
            after = store.find(callback.id()).orElseThrow();
        }
        assertThat(after.state()).as("callback %d, now %s", callback.id(), after).isEqualTo(CallbackState.DONE);
        assertThat(after.lastResult()).contains("reached");
    }

    private void logIn(String member) {
        lab.addQueueMember(QUEUE, member);
        loggedIn.add(member);
    }

    private static CallbackRequest onlyCallback() {
        List<CallbackRequest> all = store.list(CallbackFilter.all());
        assertThat(all).as("the store's callbacks").hasSize(1);
        return all.getFirst();
    }

    /** The journal line's first step named {@code name}. */
    private static JsonNode step(JsonNode call, String name) {
        for (JsonNode step : call.path("steps")) {
            if (name.equals(step.path("step").asText())) return step;
        }
        throw new AssertionError("no step " + name + " in " + call);
    }

    private static Instant at(JsonNode step) {
        return Instant.parse(step.path("at").asText());
    }

    private static Duration length(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("en", prompt));
    }
}
