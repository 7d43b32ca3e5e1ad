package hotline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk's side of one FastAGI call (the request header as Asterisk 22 writes it, then one reply
 * per command, answered at once: the fake never sleeps for {@code Wait} or {@code WaitForNoise};
 * or, {@link #inRealTime}, after as long as Asterisk would take: the call is then live that long),
 * with the AudioSocket session of {@code EXEC AudioSocket} played by {@link AudioLine}. Times each
 * command's turnaround: from the moment we start writing our reply (or the header) to the next
 * command read whole.
 */
final class FakeCall {

    /** One call as Asterisk saw it. */
    record Seen(List<String> commands, long[] turnaroundNanos, List<AudioLine.Heard> audio, String outcome,
                long lengthNanos, long heldNanos) {
        boolean refused() {
            return outcome.equals("server-busy") || commands.isEmpty();
        }
    }

    /** The real-time answers' lengths, read from each command: compiled once, not per command. */
    private static final java.util.regex.Pattern ENDPOS = java.util.regex.Pattern.compile("endpos=(\\d+)");
    private static final java.util.regex.Pattern WAIT = java.util.regex.Pattern.compile("^EXEC \"Wait\" \"([0-9.]+)\"$");
    private static final java.util.regex.Pattern NOISE_TIMEOUT = java.util.regex.Pattern.compile("^EXEC \"WaitForNoise\" \".*,([0-9]+)\"$");

    private static final AtomicLong NUMBER = new AtomicLong(1_764_000_000_000L);

    private FakeCall() {}

    static Seen run(int agiPort, CallShape shape) throws IOException {
        return run(agiPort, shape, Observed.IGNORED);
    }

    static Seen run(int agiPort, CallShape shape, Observed observed) throws IOException {
        return run(agiPort, shape, observed, false);
    }

    /** As Asterisk paces it: prompts, {@code Wait} and {@code WaitForNoise} answered when they would end. */
    static Seen inRealTime(int agiPort, CallShape shape) throws IOException {
        return run(agiPort, shape, Observed.IGNORED, true);
    }

    private static Seen run(int agiPort, CallShape shape, Observed observed, boolean realTime) throws IOException {
        long started = System.nanoTime();
        long held = 0;
        long n = NUMBER.incrementAndGet();
        var commands = new ArrayList<String>();
        var turnaround = new long[64];
        var audio = new ArrayList<AudioLine.Heard>();
        String outcome = "";
        boolean greetingDone = false;
        try (Socket s = new Socket("127.0.0.1", agiPort)) {
            s.setSoTimeout(120_000);
            s.setTcpNoDelay(true);
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            // the clock starts before the write: a server on another core can answer while write()
            // has not returned yet, and a clock started after it would leave the server's work out
            long sent = System.nanoTime();
            out.write(header(n, shape).getBytes(StandardCharsets.UTF_8));
            out.flush();
            String command;
            while ((command = in.readLine()) != null) {
                long read = System.nanoTime();
                if (commands.size() < turnaround.length) turnaround[commands.size()] = read - sent;
                commands.add(command);
                if (commands.size() > 500) break; // a script in a loop: the harness reports it, never spins
                String reply;
                if (command.startsWith("EXEC \"AudioSocket\"")) {
                    audio.add(AudioLine.run(command.replaceAll("^EXEC \"AudioSocket\" \"([^\"]+)\"$", "$1"), shape, started, observed));
                    reply = "200 result=0";
                } else {
                    reply = shape.reply(command, greetingDone);
                }
                if (command.startsWith("STREAM FILE") && command.contains("greeting")) greetingDone = true;
                if (command.startsWith("SET VARIABLE \"HOTLINE_OUTCOME\"")) outcome = command.replaceAll(".* \"([^\"]*)\"$", "$1");
                if (realTime) held += hold(command, reply);
                sent = System.nanoTime();
                try {
                    out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (java.net.SocketException hungUp) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // the server closed mid-reply, as Asterisk sees it too
        }
        int measured = Math.min(commands.size(), turnaround.length);
        return new Seen(commands, java.util.Arrays.copyOf(turnaround, measured), audio, outcome, System.nanoTime() - started,
                held);
    }

    /** Sleeps as long as Asterisk would take to answer {@code command} so; returns the nanoseconds slept. */
    private static long hold(String command, String reply) {
        long nanos = 0;
        java.util.regex.Matcher m;
        if (command.startsWith("STREAM FILE") && (m = ENDPOS.matcher(reply)).find()) {
            nanos = Long.parseLong(m.group(1)) * 125_000L; // 8000 samples a second
        } else if ((m = WAIT.matcher(command)).matches()) {
            nanos = (long) (Double.parseDouble(m.group(1)) * 1e9);
        } else if ((m = NOISE_TIMEOUT.matcher(command)).matches()) {
            nanos = Long.parseLong(m.group(1)) * 1_000_000_000L; // a silent line: the timeout, its last argument, runs out
        }
        if (nanos > 0) ServerProcess.sleep(nanos / 1_000_000);
        return nanos;
    }

    private static String header(long n, CallShape shape) {
        String channel = "Local/s@robot-" + shape.name().toLowerCase(java.util.Locale.ROOT) + "-" + n + ";1";
        return "agi_network: yes\nagi_network_script: hotline\nagi_request: agi://127.0.0.1/hotline\n"
                + "agi_channel: " + channel + "\nagi_language: en\nagi_type: Local\nagi_uniqueid: " + n / 1000 + "." + n % 1000
                + "\nagi_version: 22.10.1\nagi_callerid: 5551234\nagi_calleridname: Robot\nagi_context: hotline\n"
                + "agi_extension: s\nagi_priority: 2\n\n";
    }
}
