package hotline.walking;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.agi.AgiServer;
import hotline.audio.PromptAudio;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.lab.LabHotline;
import hotline.store.TestStores;
import hotline.journal.JournalWriter;
import hotline.lab.AgiTrace;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Recording;
import hotline.simulate.ScenarioFile;
import hotline.simulate.Simulator;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * The walking hotline on the lab's real Asterisk 22: robot callers on Local channels,
 * placed over AMI, into the project's own dialplan, served by the real FastAGI server.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class WalkingHotlineIT extends LabCalls {

    private static final int PORT = 4579; // not 4573, so a hand-run `serve` does not collide
    private static final Duration TOLERANCE = Duration.ofMillis(300);

    private static LabHotline hotline;
    private static HotlineConfig config;
    private static Map<String, String> VIA_TEST_SERVER;

    @BeforeAll
    static void startServer() {
        config = ConfigLoader.load(Path.of("config/hotline.yaml"));
        hotline = new LabHotline(config, PORT, TestStores.sqliteBook());
        VIA_TEST_SERVER = hotline.via();
    }

    static HotlineConfig withServer(HotlineConfig c, Server s) {
        return c.withServer(s);
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }



    @Test
    void aSilentRobotHearsGreetingThenFiveSecondsThenSecondPromptThenFiveSecondsThenGoodbyeThenFiveSecondsThenHangup() {
        String robot = lab.call("robot-silent", VIA_TEST_SERVER);

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(60));

        assertThat(end.getOutcome()).isEqualTo("silent-line-goodbye");
        // the whole stretch, the pauses included, streams through one media session from the answer on
        AgiTrace trace = traceUntil(end.getChannel(), "HANGUP");
        String audioSocket = "EXEC \"AudioSocket\" \"[0-9a-f-]{36},127\\.0\\.0\\.1:" + (PORT + 100) + "\"";
        Lab.assertInOrder(trace.commands(), q("ANSWER"), audioSocket, q("HANGUP"),
                q("SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\""));
        assertThat(trace.commands()).filteredOn(c -> c.matches(audioSocket)).hasSize(1);
        assertThat(trace.commands()).noneMatch(c -> c.startsWith("STREAM FILE") || c.startsWith("EXEC \"Wait\""));

        // §1.1 answered at once, long before three rings: from the call's channel appearing to ANSWER
        Duration toAnswer = timeToAnswer(end.getChannel());
        // measured from the caller's side: where each prompt begins in what the robot heard
        List<Duration> at = HeardPrompts.by(robot).assertInOrder("en", "greeting", "more-options",
                "cant-hear-you", "no-sound-goodbye");
        System.out.printf("answer: ANSWER %d ms after the call's channel appeared; the greeting heard %d ms into "
                + "the caller's recording%n", toAnswer.toMillis(), at.get(0).toMillis());
        assertThat(toAnswer).as("time to answer (three rings are about 15 s)").isLessThan(Duration.ofSeconds(1));
        assertThat(at.get(0)).as("the greeting from the first second").isLessThan(Duration.ofSeconds(1));
        Recording heard = Recording.of(Recording.heardBy(robot), -60, Duration.ofMillis(400));
        Duration afterGreeting = at.get(2).minus(at.get(1).plus(length("more-options")));
        Duration afterSecond = at.get(3).minus(at.get(2).plus(length("cant-hear-you")));
        Duration afterGoodbye = heard.length().minus(at.get(3).plus(length("no-sound-goodbye")));
        System.out.printf("silent line, as the caller heard it: greeting->second prompt %d ms, "
                        + "second prompt->goodbye %d ms, goodbye->hangup %d ms%n",
                afterGreeting.toMillis(), afterSecond.toMillis(), afterGoodbye.toMillis());
        assertThat(List.of(afterGreeting, afterSecond, afterGoodbye))
                .allSatisfy(pause -> assertThat(pause).isBetween(
                        Duration.ofSeconds(5).minus(TOLERANCE), Duration.ofSeconds(5).plus(TOLERANCE)));
        List<String> keys = List.of("greeting", "more-options", "cant-hear-you", "no-sound-goodbye");
        assertThat(heard.spans()).as("nothing but the four prompts was heard, and silence between them")
                .allSatisfy(span -> assertThat(java.util.stream.IntStream.range(0, 4)).anySatisfy(i ->
                        assertThat(span.from()).isBetween(at.get(i).minusMillis(50),
                                at.get(i).plus(length(keys.get(i))).plusMillis(50))));
        // the simulator's transcript of the documented silent caller has this real call's steps
        var simulated = new Simulator(config.script())
                .run(ScenarioFile.read(Path.of("docs/call-flows/scenarios/silent-caller.yaml")));
        assertThat(Lab.steps(simulated.journalLine())).isEqualTo(Lab.steps(hotline.journalFor(end.getChannel())));
        System.out.printf("silent line: the real call took %d ms; simulated in %d ms of wall time (%d ms virtual)%n",
                heard.length().toMillis(), simulated.wallTime().toMillis(), simulated.lasted().toMillis());
        assertThat(hotline.journalFor(end.getChannel())).contains("\"outcome\":\"silent-line-goodbye\"",
                "\"step\":\"cant-hear-you\"", "\"step\":\"no-sound-goodbye\"");
    }

    /** From AMI's Newchannel of the caller's channel to the AGIExecStart of its ANSWER, as the test received them. */
    private Duration timeToAnswer(String channel) {
        var created = lab.await(NewChannelEvent.class, e -> channel.equals(e.getChannel()), Duration.ofSeconds(1),
                "the Newchannel of " + channel);
        var answer = lab.await(AgiExecStartEvent.class, e -> channel.equals(e.getChannel())
                && "ANSWER".equals(e.getCommand()), Duration.ofSeconds(1), "the ANSWER of " + channel);
        return Duration.ofMillis(answer.getDateReceived().getTime() - created.getDateReceived().getTime());
    }

    @Test
    void aSpeakingRobotIsPutThroughToTheHotlineQueueWithMusicOnHold() {
        String robot = lab.call("robot-speaks", VIA_TEST_SERVER);

        QueueCallerJoinEvent joined = lab.await(QueueCallerJoinEvent.class,
                e -> "hotline".equals(e.getQueue()) && e.getChannel().startsWith("Local/s@robot-speaks"),
                Duration.ofSeconds(30), "a speaking robot joining the hotline queue");
        lab.hangUp(joined.getChannel());
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(15));

        assertThat(end.getOutcome()).isEqualTo("queued:hotline");
        AgiTrace trace = traceUntil(end.getChannel(), "SET VARIABLE \"HOTLINE_OUTCOME\"");
        // "connecting" streams in the media session, which ends before the Queue
        int listen = trace.indexOfCommand("EXEC \"AudioSocket\"", 0);
        trace.indexOfCommand("EXEC \"Queue\" \"hotline,,,,30,,agent-whisper,,1\"", listen);
        String journal = hotline.journalFor(end.getChannel());
        assertThat(journal).contains("\"heard\":\"voice\"", "\"end\":\"abandoned\"");
        Lab.assertStepsInOrder(journal, "greeting", "connecting", "queue");
        HeardPrompts.by(robot).assertInOrder("en", "connecting");
    }

    @Test
    void aRobotThatHangsUpDuringTheGreetingIsRecordedAsCallerHungUpGreeting() {
        String robot = lab.call("robot-hangs-up-greeting", VIA_TEST_SERVER);

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(30));

        assertThat(end.getOutcome()).isEqualTo("caller-hung-up:greeting");
        assertThat(hotline.journalFor(end.getChannel())).contains("\"outcome\":\"caller-hung-up:greeting\"");
        assertThat(hotline.journalFor(end.getChannel())).doesNotContain("\"step\":\"cant-hear-you\"");
    }

    @Test
    void whenTheAgiServerIsDownTheCallerHearsTheLineAdjustingPromptNotSilence() {
        String robot = lab.call("robot-silent", Map.of("HOTLINE_AGI", "agi://127.0.0.1:4599/hotline"));

        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(30));

        assertThat(end.getOutcome()).isEqualTo("fallback:agi-failed");
        assertThat(dialplanLines(end.getChannel())).anyMatch(l -> l.contains("Playback(\"" + end.getChannel()
                + "\", \"hotline/line-adjusting\")")).anyMatch(l -> l.contains("Wait(\"" + end.getChannel() + "\", \"5\")"));
    }

    @Test
    void aCallBeyondTheServersLimitFallsBackToTheLineAdjustingPrompt() throws Exception {
        var small = new AgiServer(() -> withServer(config, new Server("127.0.0.1", PORT + 1, 1, Duration.ZERO)),
                new JournalWriter(Path.of("target/it-journal-busy.jsonl")), TestStores.sqliteBook());
        small.start();
        try {
            var via = Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + (PORT + 1) + "/hotline");
            String first = lab.call("robot-silent", via);
            String firstChannel = lab.channelOf(first, Duration.ofSeconds(10));
            lab.await(org.asteriskjava.manager.event.NewExtenEvent.class,
                    e -> firstChannel.equals(e.getChannel()) && "AGI".equals(e.getApplication()), Duration.ofSeconds(10),
                    "the first call reaching the AGI");
            Thread.sleep(1000);
            String second = lab.call("robot-silent", via);

            assertThat(lab.awaitEnd(second, Duration.ofSeconds(30)).getOutcome()).isEqualTo("fallback:server-busy");
            assertThat(lab.awaitEnd(first, Duration.ofSeconds(60)).getOutcome()).isEqualTo("silent-line-goodbye");
        } finally {
            small.close();
        }
    }

    private static Duration length(String key) {
        return PromptAudio.read(HeardPrompts.prompt("en", key)).length();
    }

    private static String q(String text) {
        return "^" + java.util.regex.Pattern.quote(text);
    }

    private static AgiTrace traceUntil(String channel, String lastCommandPrefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        AgiTrace trace;
        do { // Asterisk's logger thread may be a moment behind the AMI event
            trace = AgiTrace.of(Lab.fullLog(), channel);
            if (trace.commands().stream().anyMatch(c -> c.startsWith(lastCommandPrefix))) return trace;
            sleep(100);
        } while (System.nanoTime() < deadline);
        return trace;
    }

    private static List<String> dialplanLines(String channel) {
        sleep(300);
        try (var lines = Files.lines(Lab.fullLog())) {
            return lines.filter(l -> l.contains("Executing [") && l.contains("\"" + channel + "\"")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
