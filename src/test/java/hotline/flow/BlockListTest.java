package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Callers;
import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §7 and issue 11: an abusive caller is reported (a stored report besides the AMI
 * event); with ops' auto-block on, enough reports put the number on the block list; a blocked
 * caller hears one polite sentence instead of the greeting, 5 s, and the hang-up — never silence.
 */
class BlockListTest {

    private static final Script SHIPPED = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    private static final Instant NOW = ScriptedCaller.STOPPED_CLOCK.instant();
    private static final CallFacts FACTS = new CallFacts("8005550103", "5550100", "1700000000.7");

    private final RememberedCallers callers = new RememberedCallers();

    private static Script autoBlockingAfter(int reports) {
        var c = SHIPPED.callers();
        var callers = new Callers(c.repeatWithin(), c.blockedPrompt(), c.pauseBeforeHangup(), reports,
                Duration.ofDays(30), Duration.ofDays(7), c.reportsKeep());
        return new Script(SHIPPED.sounds(), SHIPPED.languages(), SHIPPED.lineQuality(), SHIPPED.inbound(),
                SHIPPED.promises(), SHIPPED.agentScripts(), callers, SHIPPED.hours());
    }

    private Outcome secondAbusivePress(Script script, String agentQueue) {
        var caller = new ScriptedCaller().withNote("KEY_LANGUAGE", "ko").withNote("KEY_AGENT", "PJSIP/agent-7-0001")
                .withNote("AGENT_ABUSIVE_COUNT", "1");
        if (!agentQueue.isEmpty()) caller.withNote("KEY_QUEUE", agentQueue);
        return new AgentKeyFlow("abusive", script, new BookedCallbacks(), callers, caller.clock()).run(caller, FACTS);
    }

    @Test
    void aBlockedCallerHearsThePoliteRefusalInTheirLanguageThenFiveSecondsThenTheHangUp() {
        callers.blocking("5550100");
        var caller = new ScriptedCaller().speaksAfter(0);

        Outcome outcome = new InboundFlow(SHIPPED, new BookedCallbacks(), callers, caller.clock()).run(caller, FACTS);

        assertThat(outcome.code()).isEqualTo("blocked");
        assertThat(caller.transcript).containsExactly("answer", "language ko", "play line-cannot-take-call", "pause 5s",
                "hangup");
        assertThat(callers.lastCalls).as("a blocked call is not remembered as a call").isEmpty();
    }

    @Test
    void aBlockWhoseTimeIsOverLetsTheCallerThroughToTheGreeting() {
        callers.blockedUntil.put("5550100", NOW.minusSeconds(1));
        var caller = new ScriptedCaller().speaksAfter(0);

        Outcome outcome = new InboundFlow(SHIPPED, new BookedCallbacks(), callers, caller.clock()).run(caller, FACTS);

        assertThat(outcome.code()).isEqualTo("queued:hotline");
        assertThat(caller.transcript).contains("play greeting");
    }

    @Test
    void theSecondAbusivePressStoresAReportWithTheCallTheAgentAndTheQueue() {
        assertThat(secondAbusivePress(SHIPPED, "dialect-yue").code()).isEqualTo("agent:abusive-hangup");

        assertThat(callers.reports).containsExactly(new CallerHistory.AbuseReport("5550100", "1700000000.7", NOW,
                "PJSIP/agent-7-0001", "dialect-yue"));
        assertThat(callers.blocks).as("auto-block is off by default").isEmpty();
    }

    @Test
    void aReportWithoutTheQueueNoteNamesTheAgentsQueue() {
        secondAbusivePress(SHIPPED, "");

        assertThat(callers.reports).singleElement().extracting(CallerHistory.AbuseReport::queue).isEqualTo("hotline");
    }

    @Test
    void theFirstAbusivePressIsAWarningAndStoresNothing() {
        var caller = new ScriptedCaller().withNote("KEY_LANGUAGE", "ko");
        new AgentKeyFlow("abusive", autoBlockingAfter(1), new BookedCallbacks(), callers, caller.clock())
                .run(caller, FACTS);

        assertThat(callers.reports).isEmpty();
    }

    @Test
    void withAutoBlockOnTheReportThatMakesKWithinTheWindowBlocksTheNumberForBlockFor() {
        var script = autoBlockingAfter(2);
        callers.reports.add(new CallerHistory.AbuseReport("5550100", "old", NOW.minus(Duration.ofDays(31)), "a", "hotline"));

        secondAbusivePress(script, "hotline");
        assertThat(callers.blocks).as("the report 31 days ago is outside the window").isEmpty();

        secondAbusivePress(script, "hotline");
        assertThat(callers.blocks).containsExactly(
                "5550100 until " + NOW.plus(Duration.ofDays(7)) + ": auto: 2 abuse reports within 720h");
    }

    @Test
    void aWithheldNumberIsReportedButNeverBlocked() {
        var caller = new ScriptedCaller().withNote("AGENT_ABUSIVE_COUNT", "1");
        new AgentKeyFlow("abusive", autoBlockingAfter(1), new BookedCallbacks(), callers, caller.clock())
                .run(caller, new CallFacts("s", "", "1700000000.9"));

        assertThat(callers.reports).hasSize(1);
        assertThat(callers.blocks).isEmpty();
    }
}
