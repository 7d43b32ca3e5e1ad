package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import hotline.lab.AudioSocketProbeDoneEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audio path on the lab's real Asterisk 22: a robot caller (extensions.conf, its
 * voice an evaluation clip) calls {@code s@audiosocket-probe}, whose {@code AudioSocket()}
 * streams the robot's audio to this test's {@link AudioSocketServer}. Checks the verdict,
 * that the hangup frame ends AudioSocket() at once, and measures the latencies
 * (target/audiosocket-it.txt; the figures in docs/line-quality.md come from there).
 */
class AudioSocketIT extends LabCalls {

    private static final LineQuality QUALITY = LineQuality.defaults();   // 5 s window
    private static final Duration WINDOW = QUALITY.window();
    private static final Path REPORT = Path.of("target/audiosocket-it.txt");
    private static AudioSocketServer server;
    private static int port;

    /** What one probe call measured. */
    record Probe(String robot, LineVerdict verdict, Duration connectedAfter, Duration decidedAfter,
            Duration dialplanWentOnAfter, String audioSocketStatus) {}

    @BeforeAll
    static void startServer() throws IOException {
        server = new AudioSocketServer("127.0.0.1", 0);   // PROBE_PORT tells the dialplan
        port = server.start();
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "robot\tverdict\tconnected-ms\tdecided-ms\tdialplan-on-ms\taudiosocket\tfeatures\n");
    }

    @AfterAll
    static void stopServerWithNothingLeft() throws InterruptedException {
        for (int i = 0; i < 100 && server.liveConnections() > 0; i++) Thread.sleep(50);
        assertThat(server.liveConnections()).isZero();
        assertThat(server.openSessions()).isZero();
        server.close();
    }



    @Test
    void aRobotTalkingThroughAPhoneLineIsHeardAsSpeechWellBeforeTheWindowEnds() throws IOException {
        Probe probe = probe("robot-talks-clip");

        assertThat(probe.verdict()).isInstanceOf(LineVerdict.Speech.class);
        assertThat(probe.decidedAfter()).isLessThan(Duration.ofMillis(2500));
        assertThat(probe.dialplanWentOnAfter()).isLessThan(probe.decidedAfter().plusMillis(500));
    }

    @Test
    void aQuietRobotIsHeardAsAQuietVoiceBeforeTheWindowEnds() throws IOException {
        Probe probe = probe("robot-quiet");

        assertThat(probe.verdict()).isInstanceOf(LineVerdict.QuietVoice.class);
        assertThat(probe.decidedAfter()).isLessThan(WINDOW);
    }

    @Test
    void aRobotDrownedInNoiseIsHeardAsNoiseWhenTheWindowEnds() throws IOException {
        Probe probe = probe("robot-noisy");

        assertThat(probe.verdict()).isInstanceOf(LineVerdict.Noise.class);
        assertThat(probe.decidedAfter()).isBetween(WINDOW.minusMillis(50), WINDOW.plusMillis(500));
    }

    @Test
    void aRobotOnAHissingLineIsHeardAsSilenceWhenTheWindowEnds() throws IOException {
        Probe probe = probe("robot-line-hiss");

        assertThat(probe.verdict()).isInstanceOf(LineVerdict.Silence.class);
        assertThat(probe.verdict().features().heard()).isGreaterThan(Duration.ofSeconds(4));
        assertThat(probe.decidedAfter()).isBetween(WINDOW.minusMillis(50), WINDOW.plusMillis(500));
    }

    @Test
    void aRobotThatOnlyWaitsIsSilenceAndTheDialplanGoesOnWhenTheWindowEnds() throws IOException {
        Probe probe = probe("robot-silent");

        assertThat(probe.verdict()).isInstanceOf(LineVerdict.Silence.class);
        // with or without frames (transmit_silence), the verdict waits for the whole window
        assertThat(probe.decidedAfter()).isGreaterThanOrEqualTo(WINDOW.minusMillis(50));
    }

    @Test
    void aRobotSendingNoFramesIsSilenceAtTheWindowsEndAndOurSilenceKeepsAudioSocketOpen() throws IOException {
        Probe probe = probe("robot-mute");

        assertThat(probe.verdict()).isInstanceOf(LineVerdict.Silence.class);
        // Echo() sends back our own silence frames: digital zero, heard as silence
        assertThat(probe.verdict().features().loudDb()).isLessThan(-90);
        assertThat(probe.decidedAfter()).isBetween(WINDOW.minusMillis(50), WINDOW.plusMillis(500));
        // the session sends silence frames while it listens: Asterisk's 2 s "no activity" never fires
        assertThat(probe.audioSocketStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void theCallersKeysArriveInTheSessionAsDtmfFrames() throws IOException {
        MediaSession session = server.open("robot-keys", QUALITY);
        String robotId = lab.callInto("robot-keys", "audiosocket-probe", Map.of("PROBE_UUID", session.id().toString(),
                "PROBE_PORT", String.valueOf(port), "ROBOT_DTMF", "58#", "ROBOT_DTMF_DELAY", "1"));
        assertThat(session.awaitConnected(Duration.ofSeconds(5))).as("Asterisk connected for " + robotId).isTrue();

        var first = session.listen(Duration.ofSeconds(6), "0123456789*#");
        var second = session.listen(Duration.ofSeconds(3), "0123456789*#");
        var third = session.listen(Duration.ofSeconds(3), "0123456789*#");
        session.close();

        assertThat(List.of(first, second, third)).extracting(l -> ((MediaSession.Listened.Pressed) l).key())
                .containsExactly('5', '8', '#');
        lab.await(AudioSocketProbeDoneEvent.class, e -> session.id().toString().equals(e.getUuid()),
                Duration.ofSeconds(10), "AudioSocket() of " + robotId + " to return");
    }

    @Test
    void theHangupFrameEndsAudioSocketAtOnceSoTheCallerHearsNoAddedDelay() throws IOException {
        Probe probe = probe("robot-talks-clip");

        Duration lag = probe.dialplanWentOnAfter().minus(probe.decidedAfter());
        assertThat(probe.audioSocketStatus()).isEqualTo("SUCCESS");
        assertThat(lag).isLessThan(Duration.ofMillis(200));
    }

    /** Opens a session, places the robot call into the probe, listens one window, closes, waits for the dialplan. */
    private Probe probe(String robot) throws IOException {
        long openedAtMs = System.currentTimeMillis();
        long opened = System.nanoTime();
        MediaSession session = server.open(robot, QUALITY);
        String robotId = lab.callInto(robot, "audiosocket-probe",
                Map.of("PROBE_UUID", session.id().toString(), "PROBE_PORT", String.valueOf(port)));
        assertThat(session.awaitConnected(Duration.ofSeconds(10))).as("Asterisk never connected for " + robotId
                + ": is [audiosocket-probe] installed? bash asterisk-conf/lab.sh install && "
                + "bash asterisk-conf/lab.sh cli 'dialplan reload'").isTrue();
        Duration connectedAfter = Duration.ofNanos(System.nanoTime() - opened);
        var listened = (MediaSession.Listened.Decided) session.listen(WINDOW, "");
        Duration decidedAfter = listened.after();
        long decidedAtMs = System.currentTimeMillis();
        session.close();
        AudioSocketProbeDoneEvent done = lab.await(AudioSocketProbeDoneEvent.class,
                e -> session.id().toString().equals(e.getUuid()), Duration.ofSeconds(15), "AudioSocket() of " + robotId + " to return");

        // AMI events carry Asterisk's own time (manager.conf timestampevents = yes)
        long wentOnAtMs = Math.round(done.getTimestamp() * 1000);
        LineVerdict verdict = listened.verdict();
        var probe = new Probe(robot, verdict, connectedAfter, decidedAfter,
                decidedAfter.plusMillis(wentOnAtMs - decidedAtMs), done.getStatus());
        Files.writeString(REPORT, String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%s\t%s%n", robot, verdict.label(),
                probe.connectedAfter().toMillis(), probe.decidedAfter().toMillis(),
                probe.dialplanWentOnAfter().toMillis(), probe.audioSocketStatus(), verdict.features()),
                StandardOpenOption.APPEND);
        return probe;
    }
}
