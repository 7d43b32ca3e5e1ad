package hotline.lab;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real SIP phone calling the lab over PJSIP: SIPp (src/test/resources/sipp/caller.xml)
 * offers mu-law, streams the robot's voice as RTP from the answer on, and hangs up when the
 * hotline does (or after {@code hangUpAfter}). The lab's [sipp-robots] context records what
 * the phone hears and says under the robot's id (Recording.heardBy/saidBy, HeardPrompts)
 * and sends the hotline's end event with it.
 */
public final class SippCaller {

    private static final Path TEMPLATE = Path.of("src/test/resources/sipp/caller.xml");
    private final String robotId;
    private final Process process;
    private final Path dir;

    private SippCaller(String robotId, Process process, Path dir) {
        this.robotId = robotId;
        this.process = process;
        this.dir = dir;
    }

    /** Calls {@code number} on the lab's PJSIP (127.0.0.1:5060), served by the FastAGI server on {@code agiPort}. */
    public static SippCaller call(String name, String number, int agiPort, RobotVoice voice, Duration hangUpAfter) {
        String robotId = "sip-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("target/sipp", robotId).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path audio = voice.writeMulaw(dir.resolve("voice.ulaw"));
            String scenario = Files.readString(TEMPLATE, StandardCharsets.ISO_8859_1)
                    .replace("@ROBOT_ID@", robotId).replace("@AGI_PORT@", String.valueOf(agiPort))
                    .replace("@AUDIO@", audio.toString())
                    .replace("@HANG_UP_AFTER_MS@", String.valueOf(hangUpAfter.toMillis()));
            Path xml = Files.writeString(dir.resolve("caller.xml"), scenario, StandardCharsets.ISO_8859_1);
            int sipPort = freeUdpPort(1);
            int mediaPort = freeUdpPort(4);
            List<String> command = List.of("sipp", "127.0.0.1:5060", "-sf", xml.toString(), "-s", number,
                    "-i", "127.0.0.1", "-p", String.valueOf(sipPort), "-mp", String.valueOf(mediaPort),
                    "-m", "1", "-l", "1", "-nostdin", "-trace_err",
                    "-timeout", (hangUpAfter.toSeconds() + 30) + "s", "-timeout_error");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sipp.out").toFile()).start();
            return new SippCaller(robotId, p, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("starting sipp (apt package sip-tester; lab.sh install)", e);
        }
    }

    public String robotId() {
        return robotId;
    }

    /** Waits for SIPp to end its one call; fails the test unless the call went as the scenario says. */
    public void assertEndedWell(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("sipp " + robotId + " still running after " + within + ": " + output());
            }
            if (process.exitValue() != 0) fail("sipp " + robotId + " exited " + process.exitValue() + ": " + output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for sipp");
        }
    }

    private String output() {
        try (var files = Files.list(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".log")).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                out.append("\n--- ").append(f.getFileName()).append('\n')
                        .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            }
            return out.toString();
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** A port with {@code span} free UDP ports from it (SIPp's media uses the port and the next ones). */
    private static int freeUdpPort(int span) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0)) {
                port = probe.getLocalPort() & ~1;
            }
            if (port + span > 65535) continue;
            boolean free = true;
            for (int p = port; p < port + span && free; p++) {
                try (DatagramSocket s = new DatagramSocket(p)) {
                    free = s.isBound();
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) return port;
        }
        throw new IOException("no free UDP ports");
    }
}
