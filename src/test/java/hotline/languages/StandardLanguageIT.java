package hotline.languages;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.ShippedConfig;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.JournalLine;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.store.TestStores;
import java.time.Duration;
import java.util.HashMap;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * call-scripts.md §4.2 on the lab's real Asterisk 22: a caller who can speak the standard language
 * keeps to it. A Mandarin caller presses the dialect key (9) during the greeting, hears "could you
 * speak Mandarin?" and the yes-no question, presses 1, and is put through to the agents' queue still
 * in Mandarin: no second step, no dialect queue looked up, the channel's language zh in the queue.
 * The robot ([robot-presses]) presses 9, then 1 a time after it worked out from the prompts' lengths.
 * A caller who says no there and yes at the second step ("could you find someone who can?") is put
 * through the same way. Its own server port and agents' queue (it-standard-language, nobody logs in).
 * Run: {@code bash asterisk-conf/lab.sh verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StandardLanguageIT}.
 */
class StandardLanguageIT extends LabCalls {

    private static final int PORT = 4649;
    private static final String QUEUE = "it-standard-language";
    private static final String MANDARIN = "8005550102";
    /** [robot-presses] sends its keys this long after answering: during the greeting. */
    private static final double FIRST_KEY_AT = 1.0;
    /** One key of SendDTMF: the tone and the 250 ms after it. */
    private static final double KEY = 0.35;
    private static final double YES_NO_WAITS_MORE = 5.0; // inbound.dialect.answer-within
    /** Asterisk ending one step and the server starting the next. */
    private static final double STEP = 0.3;
    private static LabHotline hotline;

    @BeforeAll
    static void startServer() {
        hotline = new LabHotline(ShippedConfig.with("StandardLanguageIT", "queue: hotline ", "queue: " + QUEUE + " "),
                PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopServer() {
        hotline.close();
    }

    @Test
    void aMandarinCallerWhoAnswersYesAtTheDialectLaddersFirstStepStaysInMandarinAndGoesToTheAgentsQueue() {
        // the yes-no question starts once "could you speak Mandarin?" has played after the 9; its
        // 1 is aimed at the middle of [1 s into the question, the end of the 5 s after it]
        double questionStarts = FIRST_KEY_AT + KEY + seconds("speak-standard");
        int pauses = (int) Math.round(middleOfAnswer(questionStarts) - FIRST_KEY_AT - KEY);
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_KEYS", "9" + "W".repeat(pauses) + "1");
        vars.put("ROBOT_STAY", "60");
        System.out.printf("StandardLanguageIT: ROBOT_KEYS %s (the 1 at %.1f s)%n", vars.get("ROBOT_KEYS"),
                FIRST_KEY_AT + KEY + pauses);
        String robot = lab.call("robot-presses", MANDARIN, vars);

        HotlineCallEndedEvent end = queuedInMandarin(robot, Duration.ofSeconds(40));
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "greeting", "speak-standard", "yes-no", "connecting", "queue");
        assertThat(journal.step("greeting").path("pressed").asText()).isEqualTo("9");
        var yes = journal.step("yes-no").has("pressed") ? journal.step("yes-no")
                : journal.stepAfter("yes-no").orElseThrow();
        assertThat(yes.path("pressed").asText()).as("the caller's answer: yes, I can").isEqualTo("1");
        assertThat(Lab.steps(journal.text())).as("no second step, no dialect queue")
                .doesNotContain("find-standard-speaker", "queue-members", "dialect-transfer");
        assertThat(journal.steps()).filteredOn(s -> s.path("step").asText().equals("language"))
                .allSatisfy(s -> assertThat(s.path("language").asText()).isEqualTo("zh"));
        assertThat(journal.json().path("language").asText()).isEqualTo("zh");
        Lab.assertInOrder(Lab.logLines(end.getChannel()), Lab.sent("EXEC \"Queue\" \"" + QUEUE + ","));
        assertThat(Lab.logLines(end.getChannel())).noneMatch(l -> l.contains("QUEUE_MEMBER(dialect-"));
        var heard = HeardPrompts.by(robot);
        Duration asked = heard.assertInOrder("zh", "speak-standard").getFirst();
        Duration question = heard.findCutShort("zh", "yes-no", asked, Duration.ofMillis(1000))
                .orElseThrow(() -> new AssertionError(robot + " never heard the yes-no question in Mandarin"));
        assertThat(heard.find("zh", "connecting", question)).as("\"connecting you\", in Mandarin").isPresent();
        assertThat(heard.find("zh", "find-standard-speaker", asked)).isEmpty();
    }

    @Test
    void aMandarinCallerWhoSaysNoThenYesAtTheLaddersSecondStepIsPutThroughInMandarinWithNoDialectQueue() {
        // the 2 is aimed at the first question's window, as above; the 1 at the second's, which starts
        // once "could you find someone who speaks Mandarin?" has played after the 2
        double firstQuestion = FIRST_KEY_AT + KEY + seconds("speak-standard");
        int beforeNo = (int) Math.round(middleOfAnswer(firstQuestion) - FIRST_KEY_AT - KEY);
        double noAt = FIRST_KEY_AT + KEY + beforeNo;
        double secondQuestion = noAt + KEY + STEP + seconds("find-standard-speaker");
        int beforeYes = (int) Math.round(middleOfAnswer(secondQuestion) - noAt - KEY);
        var vars = new HashMap<>(hotline.via());
        vars.put("ROBOT_KEYS", "9" + "W".repeat(beforeNo) + "2" + "W".repeat(beforeYes) + "1");
        vars.put("ROBOT_STAY", "60");
        System.out.printf("StandardLanguageIT: ROBOT_KEYS %s (the 2 at %.1f s, the 1 at %.1f s)%n",
                vars.get("ROBOT_KEYS"), noAt, noAt + KEY + beforeYes);
        String robot = lab.call("robot-presses", MANDARIN, vars);

        HotlineCallEndedEvent end = queuedInMandarin(robot, Duration.ofSeconds(60));
        JournalLine journal = JournalLine.of(hotline.journalFor(end.getChannel()));
        Lab.assertStepsInOrder(journal.text(), "greeting", "speak-standard", "yes-no", "find-standard-speaker",
                "yes-no", "connecting", "queue");
        assertThat(journal.steps()).filteredOn(s -> s.has("pressed")).extracting(s -> s.path("pressed").asText())
                .as("the keys the server took: the dialect key, no, yes").containsExactly("9", "2", "1");
        assertThat(Lab.steps(journal.text())).as("yes at the second step: no dialect queue looked up")
                .doesNotContain("queue-members", "dialect-transfer");
        assertThat(Lab.logLines(end.getChannel())).noneMatch(l -> l.contains("QUEUE_MEMBER(dialect-"));
        var heard = HeardPrompts.by(robot);
        var at = heard.assertInOrder("zh", "speak-standard", "find-standard-speaker");
        assertThat(heard.find("zh", "connecting", at.get(1))).as("\"connecting you\", in Mandarin").isPresent();
    }

    /**
     * The caller joins the agents' queue within {@code within} still in Mandarin (AMI Getvar
     * CHANNEL(language) while it waits there), and is hung up there: the call's end.
     */
    private HotlineCallEndedEvent queuedInMandarin(String robot, Duration within) {
        QueueCallerJoinEvent joined = lab.await(QueueCallerJoinEvent.class, e -> QUEUE.equals(e.getQueue()),
                within, "the Mandarin caller joining the agents' queue " + QUEUE);
        String languageInQueue = lab.variable(joined.getChannel(), "CHANNEL(language)");
        lab.hangUp(joined.getChannel());
        HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(20));
        assertThat(languageInQueue).as("the caller's channel language while in the agents' queue").isEqualTo("zh");
        assertThat(end.getOutcome()).isEqualTo("queued:" + QUEUE);
        return end;
    }

    /** The middle of the window for a yes-no answer: from 1 s into the question to 5 s after it, less half a second. */
    private static double middleOfAnswer(double questionStarts) {
        return (questionStarts + 1.0 + questionStarts + seconds("yes-no") + YES_NO_WAITS_MORE - 0.5) / 2;
    }

    private static double seconds(String prompt) {
        return Recording.lengthOf(HeardPrompts.prompt("zh", prompt)).toMillis() / 1000.0;
    }
}
