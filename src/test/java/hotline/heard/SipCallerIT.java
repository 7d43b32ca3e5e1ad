package hotline.heard;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.audio.PromptAudio;
import hotline.config.ConfigLoader;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.lab.RobotVoice;
import hotline.lab.SippCaller;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Real SIP calls: SIPp phones over PJSIP with mu-law RTP (not Local channels), into the
 * lab's hotline, heard and measured from the phone's side. The two phones call at once.
 */
@ResourceLock(LabLocks.SHARED_LINES)
class SipCallerIT extends LabCalls {

    private static final int PORT = 4593;
    private static final String DID_EN = "8005550100";
    private static final Duration TOLERANCE = Duration.ofMillis(300);
    private static LabHotline hotline;

    @BeforeAll
    static void startTheHotline() {
        hotline = new LabHotline(ConfigLoader.load(Path.of("config/hotline.yaml")), PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopTheHotline() {
        hotline.close();
    }

    @Test
    void aSipPhoneThatSaysHelloDuringTheGreetingIsPutThroughAndTheSilentOneHearsTheWholeLadder() {
        SippCaller hello = SippCaller.call("hello", DID_EN, hotline.agiPort(),
                new RobotVoice(31).line(-58).lineFor(1.5).saysBriefly("speech/talk-4", 0.6).lineFor(40),
                Duration.ofSeconds(60));
        SippCaller silent = SippCaller.call("silent", DID_EN, hotline.agiPort(),
                new RobotVoice(32).line(Double.NEGATIVE_INFINITY).lineFor(60), Duration.ofSeconds(60));

        // the phone that spoke: "connecting you" and the agents' queue; the test hangs up for it
        QueueCallerJoinEvent joined = lab.await(QueueCallerJoinEvent.class,
                e -> "hotline".equals(e.getQueue()) && e.getChannel().startsWith("PJSIP/sipp-"),
                Duration.ofSeconds(30), "the SIP phone that said hello joining the queue");
        lab.hangUp(joined.getChannel());
        HotlineCallEndedEvent helloEnd = lab.awaitEnd(hello.robotId(), Duration.ofSeconds(20));
        hello.assertEndedWell(Duration.ofSeconds(10));

        assertThat(helloEnd.getOutcome()).isEqualTo("queued:hotline");
        assertThat(hotline.journalFor(helloEnd.getChannel())).contains("\"heard\":\"voice\"");
        Recording heard = Recording.of(Recording.heardBy(hello.robotId()), -45, Duration.ofMillis(150));
        Recording said = Recording.of(Recording.saidBy(hello.robotId()), -40, Duration.ofMillis(150));
        Duration voice = said.spans().getFirst().from();
        Recording.Span greeting = heard.at(voice);
        Duration silentAfter = greeting.to().compareTo(voice) > 0 ? greeting.to().minus(voice) : Duration.ZERO;
        Duration connecting = HeardPrompts.by(hello.robotId()).assertInOrder("en", "connecting").getFirst();
        System.out.printf("SipCallerIT (PJSIP, mu-law): voice at %d ms, greeting silent %d ms later, "
                + "\"connecting\" heard at %d ms%n", voice.toMillis(), silentAfter.toMillis(), connecting.toMillis());
        assertThat(voice).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2300)); // the hello, as sent
        assertThat(silentAfter).isLessThanOrEqualTo(TOLERANCE);
        assertThat(connecting).isGreaterThan(voice);

        // the phone that sent digital silence (mu-law 0xFF) hears the §2 ladder, timed as the script says
        HotlineCallEndedEvent silentEnd = lab.awaitEnd(silent.robotId(), Duration.ofSeconds(60));
        silent.assertEndedWell(Duration.ofSeconds(10));
        assertThat(silentEnd.getOutcome()).isEqualTo("silent-line-goodbye");
        List<Duration> at = HeardPrompts.by(silent.robotId()).assertInOrder("en", "greeting", "more-options",
                "cant-hear-you", "no-sound-goodbye");
        Duration heardLength = Recording.of(Recording.heardBy(silent.robotId()), -60, Duration.ofMillis(400)).length();
        List<Duration> pauses = List.of(at.get(2).minus(at.get(1).plus(length("more-options"))),
                at.get(3).minus(at.get(2).plus(length("cant-hear-you"))),
                heardLength.minus(at.get(3).plus(length("no-sound-goodbye"))));
        System.out.println("SipCallerIT (PJSIP, mu-law) silent line, as heard (ms): "
                + pauses.stream().map(Duration::toMillis).toList());
        assertThat(pauses).allSatisfy(p -> assertThat(p).isBetween(Duration.ofSeconds(5).minus(TOLERANCE),
                Duration.ofSeconds(5).plus(TOLERANCE)));
    }

    private static Duration length(String key) {
        return PromptAudio.read(HeardPrompts.prompt("en", key)).length();
    }
}
