package hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.agi.AgiServer;
import hotline.config.Agents;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.InboundScript;
import hotline.config.Server;
import hotline.journal.JournalWriter;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.store.CallbackFilter;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackStore;
import hotline.store.StoreCallbackBook;
import hotline.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/** Waiting, callbacks and escalation on the lab's real Asterisk 22 (call-scripts.md §5-§6). */
@ResourceLock(LabLocks.SHARED_LINES)
class CallbacksIT extends LabCalls {

    private static final int PORT = 4583;
    private static final Map<String, String> VIA = Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline");
    private static CallbackStore store;
    private static LabHotline hotline;

    /** The shipped script with a short wait (10 s) and no language menu, to keep calls short. */
    @BeforeAll
    static void startServer() throws Exception {
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        InboundScript s = shipped.inbound();
        Agents a = s.agents();
        var quickAgents = new Agents(a.connecting(), a.queue(), a.maxWait(), a.gaveUpPrompt(), a.pauseBeforeHangup(),
                Duration.ofSeconds(10), a.patiencePrompt(), Duration.ofSeconds(10), a.callbackOfferPrompt(),
                a.callbackReason(), a.apologiseAfter(), a.agentWhisper());
        var c = s.complaint();
        var shortStatement = new hotline.config.Complaint(c.key(), c.optionPrompt(), c.escalatingPrompt(),
                c.recordStatement(), c.statementPrompt(), Duration.ofSeconds(5), c.queue(), c.answerWithin(),
                c.whisper(), c.reason(), c.unavailablePrompt());
        var script = new InboundScript(s.greeting(), s.listening(), s.silentLine(), s.quietLine(), s.noisyLine(),
                quickAgents, s.dialect(), s.callbacks(), shortStatement);
        HotlineConfig config = LabHotline.withoutMenu(shipped)
                .withServer(new Server("127.0.0.1", PORT, 20, Duration.ofSeconds(5))).withInbound(script);
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



    @Test
    void aRobotThatWaitsPastTheThresholdTakesTheCallbackOfferAndItsNumberIsStoredAfterTheReadBack() {
        String robot = lab.call("robot-waits-for-callback", VIA);

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(120));

        assertThat(end.getOutcome()).isEqualTo("callback-booked:simple");
        List<String> log = Lab.logLines(end.getChannel());
        Lab.assertInOrder(log, Lab.sent("EXEC \"Queue\" \"hotline,,,,10,,agent-whisper,,1\""),
                Lab.sent("SAY DIGITS \"5550100\""), Lab.sent("RECORD FILE \"hotline-recordings/"), Lab.sent("HANGUP"));
        Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "queue", "callback-offer",
                "callback-use-caller-id", "say-digits", "callback-confirm-caller-id", "callback-record-name",
                "callback-confirmed-2h", "hangup");
        List<CallbackRequest> pending = store.list(CallbackFilter.all());
        assertThat(pending).anySatisfy(r -> {
            assertThat(r.number().digits()).isEqualTo("5550100");
            assertThat(r.queue()).isEqualTo(CallbackQueue.of("hotline"));
            assertThat(r.reason()).isEqualTo("simple");
        });
    }

    @Test
    void anAgentAnsweringACallerWhoWaitedLongerThanThreeRingsIsToldToBeginWithAnApology() throws Exception {
        String robot = lab.call("robot-speaks", VIA);
        var joined = lab.await(org.asteriskjava.manager.event.QueueCallerJoinEvent.class,
                e -> "hotline".equals(e.getQueue()) && e.getChannel().startsWith("Local/s@robot-speaks"),
                Duration.ofSeconds(40), "the speaking robot joining the queue");
        Thread.sleep(18_000); // past apologise-after (15 s) with nobody to answer
        String agent = "Local/s@robot-agent/n";
        lab.addQueueMember("hotline", agent);
        try {
            AgentConnectEvent connected = lab.await(AgentConnectEvent.class,
                    e -> "hotline".equals(e.getQueue()) && joined.getChannel().equals(e.getChannel()),
                    Duration.ofSeconds(40), "the robot agent answering");
            List<String> whisper = Lab.logLines(connected.getDestChannel()); // the agent's leg, where agent-whisper runs
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

            assertThat(end.getOutcome()).isEqualTo("queued:hotline");
            Lab.assertInOrder(whisper,
                    "Playback\\(\"Local/s@robot-agent-[^\"]+\", \"hotline/agent-apologise\"\\)",
                    "SayNumber\\(\"Local/s@robot-agent-[^\"]+\", \"(1[5-9]|[2-9]\\d)\"\\)");
        } finally {
            lab.removeQueueMember("hotline", agent);
        }
    }

    @Test
    void aComplaintReachesALoggedInTeamLeadWhoHearsTheCallersDetailsBeforeTheBridge() {
        String lead = "Local/s@robot-agent/n";
        lab.addQueueMember("teamlead", lead);
        try {
            String robot = lab.call("robot-complains", VIA);

            AgentConnectEvent connected = lab.await(AgentConnectEvent.class, e -> "teamlead".equals(e.getQueue()),
                    Duration.ofSeconds(60), "the team lead answering");
            List<String> whisper = Lab.logLines(connected.getDestChannel()); // the agent's leg, where teamlead-whisper runs
            lab.hangUp(connected.getChannel());
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));

            assertThat(end.getOutcome()).isEqualTo("queued:teamlead");
            Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "complaint-escalating", "complaint-record-statement",
                    "tell-agents", "queue");
            Lab.assertInOrder(Lab.logLines(end.getChannel()),
                    Lab.sent("RECORD FILE \"hotline-recordings/"), Lab.sent("SET VARIABLE \"__HOTLINE_CALLER\" \"5550100\""),
                    Lab.sent("EXEC \"Queue\" \"teamlead,,,,30,,teamlead-whisper,,\""));
            Lab.assertInOrder(whisper, "Playback\\(\"Local/s@robot-agent-[^\"]+\", \"hotline/teamlead-caller-details\"\\)",
                    "ExecIf\\(\"Local/s@robot-agent-[^\"]+\", \"1\\?SayDigits\\(5550100\\)\"\\)",
                    "ExecIf\\(\"Local/s@robot-agent-[^\"]+\", \"1\\?Playback\\(hotline-recordings/[^)]+-statement\\)\"\\)");
        } finally {
            lab.removeQueueMember("teamlead", lead);
        }
    }

    @Test
    void aComplaintWithNoTeamLeadLoggedInIsStoredAsATeamLeadCallback() {
        String robot = lab.call("robot-complains", VIA);

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(120));

        assertThat(end.getOutcome()).isEqualTo("callback-booked:complaint");
        Lab.assertInOrder(Lab.logLines(end.getChannel()), Lab.sent("GET FULL VARIABLE \"${QUEUE_MEMBER(teamlead,logged)}\""),
                Lab.sent("SAY DIGITS \"5550100\""));
        Lab.assertStepsInOrder(hotline.journalFor(end.getChannel()), "queue-members", "callback-use-caller-id",
                "say-digits", "teamlead-unavailable");
        assertThat(store.list(CallbackFilter.all())).anySatisfy(r -> {
            assertThat(r.queue()).isEqualTo(CallbackQueue.of("teamlead"));
            assertThat(r.reason()).isEqualTo("complaint");
            assertThat(r.recording()).isPresent();
        });
    }
}
