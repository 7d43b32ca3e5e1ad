package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §1 (002 "用户再次来电时"): a repeat caller is announced to the agent in the
 * whisper — the last call's age and a pending callback — and nothing of it is said to the caller.
 */
class RepeatCallersTest {

    private static final Script SHIPPED = ConfigLoader.load(Path.of("config/hotline.yaml")).script();
    private static final Instant NOW = ScriptedCaller.STOPPED_CLOCK.instant();

    private final RememberedCallers callers = new RememberedCallers();

    private ScriptedCaller call(String number) {
        var caller = new ScriptedCaller().speaksAfter(0);
        new InboundFlow(SHIPPED, new BookedCallbacks(), callers, caller.clock())
                .run(caller, new CallFacts("8005550100", number, "1700000000.1"));
        return caller;
    }

    @Test
    void aFirstCallTellsTheAgentNothingAndIsRemembered() {
        var caller = call("5550100");

        assertThat(caller.transcript).noneMatch(line -> line.startsWith("tell-agents"));
        assertThat(callers.lastCalls).containsEntry("5550100", NOW);
    }

    @Test
    void aCallerWhoCalledThreeDaysAgoIsAnnouncedToTheAgentBeforeTheQueueAndHearsTheUsualScript() {
        callers.calledAt("5550100", NOW.minus(Duration.ofDays(3)).minusSeconds(60));

        var caller = call("5550100");

        assertThat(caller.transcript).containsSubsequence("tell-agents {REPEAT_DAYS=3}", "play connecting",
                "queue hotline 30s");
        assertThat(caller.transcript).filteredOn(line -> line.startsWith("play ")).containsExactly(
                "play greeting", "play more-options", "play connecting", "play closing");
    }

    @Test
    void aCallEarlierTodayIsZeroDaysAndAPendingCallbackIsSaidToo() {
        callers.calledAt("5550100", NOW.minus(Duration.ofHours(5)));
        callers.callbacksPending.add("5550100");

        assertThat(call("5550100").transcript).contains("tell-agents {REPEAT_DAYS=0, CALLBACK_PENDING=1}");
    }

    @Test
    void aPendingCallbackAloneMakesARepeatCallerWithoutADayCount() {
        callers.callbacksPending.add("5550100");

        assertThat(call("5550100").transcript).contains("tell-agents {CALLBACK_PENDING=1}");
    }

    @Test
    void aCallOlderThanTheWindowIsForgottenAndNotAnnounced() {
        callers.calledAt("5550100", NOW.minus(Duration.ofDays(8)));

        var caller = call("5550100");

        assertThat(caller.transcript).noneMatch(line -> line.startsWith("tell-agents"));
        assertThat(callers.lastCalls).containsEntry("5550100", NOW);
    }

    @Test
    void aWithheldNumberHasNoHistoryAndIsNotRemembered() {
        var caller = call("");

        assertThat(caller.transcript).noneMatch(line -> line.startsWith("tell-agents"));
        assertThat(callers.lastCalls).isEmpty();
    }

    @Test
    void aCallerWhoStaysInTheQueueTwiceIsAnnouncedOnce() {
        callers.calledAt("5550100", NOW.minus(Duration.ofDays(1)));
        var caller = new ScriptedCaller().speaksAfter(0)
                .queueStaysEnd(new QueueEnd.NotAnswered("TIMEOUT"), new QueueEnd.Answered("PJSIP/agent-1"));

        new InboundFlow(SHIPPED, new BookedCallbacks(), callers, caller.clock())
                .run(caller, new CallFacts("8005550100", "5550100"));

        assertThat(caller.transcript).filteredOn(line -> line.startsWith("tell-agents")).containsExactly(
                "tell-agents {REPEAT_DAYS=1}");
    }
}
