package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.InboundScript.CallbackLine;
import hotline.config.Script;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §4 per language (docs/languages.md#dialect-queues): each language's ladder
 * ends at its own dialect queues, tried in order, and a language without one is never promised
 * a colleague who speaks the dialect. The shipped config: es → dialect-es, zh → dialect-zh,
 * yue → dialect-yue then dialect-zh, en and ko none.
 */
class DialectQueuesTest {

    private static final Path SHIPPED = Path.of("config/hotline.yaml");
    private static final Script SCRIPT = ConfigLoader.load(SHIPPED).script();
    private static final String SPANISH = "8005550101";
    private static final String KOREAN = "8005550103";
    private static final String CANTONESE = "8005550104";
    private static final String ENGLISH = "8005550100";

    private static Outcome call(Script script, ScriptedCaller caller, String dialled) {
        return new InboundFlow(script, new BookedCallbacks(), caller.clock()).run(caller, new CallFacts(dialled, "5550100"));
    }

    private static ScriptedCaller asksForTheDialectAndCannotSpeakTheStandard() {
        return ScriptedCaller.silent().pressesAt("play greeting", '9');
    }

    @Test
    void aSpanishCallerWhoCannotSpeakSpanishReachesTheSpanishDialectQueueWithTheAgentsWhisper() {
        var caller = asksForTheDialectAndCannotSpeakTheStandard().withMembersLoggedIn("dialect-es", 1);

        Outcome outcome = call(SCRIPT, caller, SPANISH);

        assertThat(caller.transcript).containsSubsequence("language es", "play speak-standard", "play yes-no",
                "play find-standard-speaker", "play yes-no", "members dialect-es", "play dialect-transfer",
                "queue dialect-es 5m");
        assertThat(caller.entries.getLast().whisper()).contains("agent-whisper");
        assertThat(outcome.code()).isEqualTo("queued:dialect-es");
    }

    @Test
    void aCantoneseCallerIsTakenByTheNextDialectQueueWhenTheFirstHasNobody() {
        var caller = asksForTheDialectAndCannotSpeakTheStandard().withMembersLoggedIn("dialect-zh", 1);

        Outcome outcome = call(SCRIPT, caller, CANTONESE);

        assertThat(caller.transcript).containsSubsequence("language yue", "members dialect-yue", "members dialect-zh",
                "play dialect-transfer", "queue dialect-zh 5m");
        assertThat(outcome.code()).isEqualTo("queued:dialect-zh");
    }

    @Test
    void withNobodyInAnyOfItsDialectQueuesTheCallerHearsThatNobodyIsFreeThenFiveSecondsAndTheHangUp() {
        var caller = asksForTheDialectAndCannotSpeakTheStandard();

        Outcome outcome = call(SCRIPT, caller, CANTONESE);

        assertThat(caller.transcript).endsWith("members dialect-yue", "members dialect-zh",
                "play dialect-unavailable-goodbye", "pause 5s", "hangup");
        assertThat(outcome).isEqualTo(new Outcome.DialectUnavailable("yue", java.util.List.of("dialect-yue", "dialect-zh")));
    }

    @Test
    void aKoreanCallerWhoseLanguageHasNoDialectQueueIsNeverPromisedAColleague() {
        var caller = asksForTheDialectAndCannotSpeakTheStandard().withMembersLoggedIn(3);

        Outcome outcome = call(SCRIPT, caller, KOREAN);

        assertThat(caller.transcript).endsWith("play find-standard-speaker", "play yes-no", "wait-for-key 5s",
                "play dialect-standard-only-goodbye", "pause 5s", "hangup");
        assertThat(caller.transcript).noneMatch(l -> l.startsWith("members") || l.contains("dialect-transfer")
                || l.contains("dialect-unavailable-goodbye"));
        assertThat(outcome.code()).isEqualTo("dialect-no-queue:ko");
    }

    @Test
    void anEnglishCallerWhoseLanguageHasNoDialectQueueHearsTheStandardOnlyGoodbye() {
        var caller = asksForTheDialectAndCannotSpeakTheStandard();

        assertThat(call(SCRIPT, caller, ENGLISH).code()).isEqualTo("dialect-no-queue:en");
        assertThat(caller.transcript).contains("play dialect-standard-only-goodbye");
    }

    @Test
    void aLanguageMayAskForItsStandardWithItsOwnPromptsAndItsColleagueHearsTheDialectsOwnWhisper() {
        Script edited = ConfigLoader.parse("edited.yaml", """
                languages:
                  offered: [en, es]
                  by-number: {"8005550101": es}
                  dialect-key: "9"
                inbound:
                  dialect:
                    whisper: dialect-whisper
                    by-language:
                      es:
                        queues: [dialect-es]
                        steps: [find-standard-speaker]
                """).script();
        var caller = asksForTheDialectAndCannotSpeakTheStandard().withMembersLoggedIn(1);

        call(edited, caller, SPANISH);

        assertThat(caller.transcript).doesNotContain("play speak-standard");
        assertThat(caller.transcript).containsSubsequence("play find-standard-speaker", "play yes-no",
                "members dialect-es", "queue dialect-es 5m");
        assertThat(caller.entries.getLast().whisper()).isEqualTo(Optional.of("dialect-whisper"));
    }

    @Test
    void everyQueueTheShippedScriptNamesIsALineTheDiallerServesWithItsOwnWhisper() {
        assertThat(SCRIPT.inbound().callbackLines()).containsExactly(
                new CallbackLine("hotline", "agent-whisper"),
                new CallbackLine("teamlead", "teamlead-whisper"),
                new CallbackLine("dialect-es", "agent-whisper"),
                new CallbackLine("dialect-zh", "agent-whisper"),
                new CallbackLine("dialect-yue", "agent-whisper"));
    }
}
