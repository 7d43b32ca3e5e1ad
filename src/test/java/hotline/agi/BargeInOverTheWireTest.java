package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.audio.AudioSocketServer;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.InboundScript;
import hotline.config.Listening;
import hotline.config.Server;
import hotline.config.Sounds;
import hotline.journal.JournalWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ears on from the answer: with the {@code audio} detector a call opens one AudioSocket
 * session right after ANSWER, and the greeting, the options line, the windows and the
 * re-prompts all stream through it (a voice over a prompt stops it: barge-in); a prompt
 * whose WAV is not here is played with STREAM FILE instead. Asterisk's side of both the
 * AGI and the AudioSocket connection is scripted, the caller's audio in real time.
 */
class BargeInOverTheWireTest {

    @TempDir
    Path tmp;
    private final List<String> journalLines = new CopyOnWriteArrayList<>();
    private AgiServer server;
    private AudioSocketServer audio;
    private int port;
    private int audioPort;

    private void start(Path soundsDir) throws IOException {
        HotlineConfig base = ConfigLoader.load(Path.of("config/hotline.yaml"));
        InboundScript i = base.inbound();
        var oneSecond = new Listening(i.listening().reprompts(), Duration.ofSeconds(1), null, "audio");
        var inbound = new InboundScript(i.greeting(), oneSecond, i.silentLine(), i.quietLine(), i.noisyLine(),
                i.agents(), i.dialect(), i.callbacks(), i.complaint());
        audio = new AudioSocketServer("127.0.0.1", 0);
        audioPort = audio.start();
        HotlineConfig c = base.withServer(new Server("127.0.0.1", freePort(), 10, Duration.ofSeconds(5))).withInbound(inbound);
        HotlineConfig config = new HotlineConfig(c.server(), new Sounds(soundsDir), c.languages(), c.journal(),
                c.store(), c.lineQuality(), c.inbound(), c.dialler());
        var journal = new JournalWriter(tmp.resolve("journal.jsonl"));
        journal.addListener(journalLines::add);
        server = new AgiServer(() -> config, journal, hotline.store.TestStores.sqliteBook(), Optional.of(audio));
        port = server.start();
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (audio != null) audio.close();
    }

    @Test
    void aCallerWhoSpeaksOverTheGreetingStopsItAndIsPutThroughToTheQueue() throws IOException {
        start(Path.of("sounds"));
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-talks-at-once-00000001;1");
        // silent for the greeting's first 0.8 s (the echo guard measures the line), then talks
        var line = new PhoneLine(prompt("greeting"), 40);

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("EXEC \"AudioSocket\"")) {
                audioSession(command, line);
                return "200 result=0";
            }
            if (command.startsWith("EXEC \"Queue\"")) return "200 result=-1";
            return FakeAsterisk.silentCaller(command);
        });

        // ears on from the answer: one session, in which the greeting and "connecting" stream
        assertThat(named(sent)).startsWith("ANSWER", "AudioSocket", "SET VARIABLE \"CHANNEL(language)\" \"en\"")
                .containsOnlyOnce("AudioSocket")
                .noneMatch(c -> c.startsWith("STREAM FILE") || c.startsWith("EXEC \"WaitForNoise\""));
        assertThat(sent).anyMatch(c -> c.startsWith("EXEC \"Queue\" \"hotline,"));
        assertThat(line.heardOf(prompt("greeting"))).isBetween(41, 40 + 60); // of 208: stopped within 1.2 s
        assertThat(line.heardOf(prompt("more-options"))).isZero();
        assertThat(line.heardOf(prompt("connecting"))).isEqualTo(prompt("connecting").size());
        assertThat(journalLines).singleElement().satisfies(j -> assertThat(j).contains(
                "\"step\":\"greeting\"", "\"action\":\"ask\"", "\"heard\":\"voice\"", "\"barged-in-after-ms\":",
                "\"outcome\":\"queued:hotline\"").doesNotContain("more-options", "cant-hear-you"));
    }

    @Test
    void aCallerWhoSpeaksOverCantHearYouStopsItAndIsPutThrough() throws IOException {
        start(Path.of("sounds"));
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-talks-late-00000002;1");
        // silent through the greeting, the options line and the first window; talks 0.2 s into the re-prompt
        var line = new PhoneLine(prompt("cant-hear-you"), 10);

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("EXEC \"AudioSocket\"")) {
                audioSession(command, line);
                return "200 result=0";
            }
            if (command.startsWith("EXEC \"Queue\"")) return "200 result=-1";
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(named(sent)).startsWith("ANSWER", "AudioSocket", "SET VARIABLE \"CHANNEL(language)\" \"en\"")
                .containsOnlyOnce("AudioSocket")
                .noneMatch(c -> c.startsWith("STREAM FILE") || c.startsWith("EXEC \"WaitForNoise\""));
        assertThat(sent).anyMatch(c -> c.startsWith("EXEC \"Queue\" \"hotline,"));
        assertThat(line.heardOf(prompt("greeting"))).isEqualTo(prompt("greeting").size());
        assertThat(line.heardOf(prompt("more-options"))).isEqualTo(prompt("more-options").size());
        assertThat(line.heardOf(prompt("cant-hear-you"))).isBetween(11, 10 + 60); // of 131: stopped within 1.2 s
        assertThat(line.heardOf(prompt("connecting"))).isEqualTo(prompt("connecting").size());
        assertThat(journalLines).singleElement().satisfies(j -> assertThat(j).contains(
                "\"step\":\"cant-hear-you\"", "\"action\":\"play-then-listen\"", "\"heard\":\"voice\"",
                "\"barged-in-after-ms\":", "\"outcome\":\"queued:hotline\""));
    }

    @Test
    void withoutTheWavHereEachPromptIsPlayedWithStreamFileAndTheWindowsStayInTheSession() throws IOException {
        start(tmp.resolve("no-sounds"));
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-silent-00000003;1");

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("EXEC \"AudioSocket\"")) {
                audioSession(command, new PhoneLine(List.of(), Integer.MAX_VALUE));
                return "200 result=0";
            }
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(named(sent)).containsExactly(
                "ANSWER",
                "AudioSocket",
                "SET VARIABLE \"CHANNEL(language)\" \"en\"",
                "STREAM FILE \"hotline/greeting\" \"12345908\"",
                "STREAM FILE \"hotline/more-options\" \"12345908\"",
                "AudioSocket",
                "STREAM FILE \"hotline/cant-hear-you\" \"12345908\"",
                "AudioSocket",
                "STREAM FILE \"hotline/no-sound-goodbye\" \"\"",
                "AudioSocket",
                "HANGUP",
                "SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"",
                "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
        assertThat(sent).noneMatch(c -> c.startsWith("EXEC \"WaitForNoise\""));
    }

    /**
     * The caller's phone: sends silence until it has heard {@code cueFrames} frames of
     * {@code cue} (a prompt's frames), then the talk clip, then silence; keeps what it heard.
     */
    private static final class PhoneLine {
        private final java.util.Set<String> cue;
        private final int cueFrames;
        private final byte[] voice = pcm(Path.of("src/test/resources/eval/speech/talk-0.wav"));
        private final List<String> heard = new CopyOnWriteArrayList<>();
        private volatile int cueHeard;

        PhoneLine(List<String> cue, int cueFrames) {
            this.cue = java.util.Set.copyOf(cue);
            this.cueFrames = cueFrames;
        }

        void heard(byte[] payload) {
            String frame = key(payload);
            heard.add(frame);
            if (cue.contains(frame)) cueHeard++;
        }

        boolean talking() {
            return cueHeard >= cueFrames;
        }

        /** How many of the prompt's sounding frames came down the line. */
        int heardOf(List<String> prompt) {
            var frames = java.util.Set.copyOf(prompt);
            return (int) heard.stream().filter(frames::contains).count();
        }
    }

    /**
     * Asterisk's AudioSocket(): connects, names the session, sends the caller's audio in 20 ms
     * frames on a real-time schedule until the server's hangup frame, reading what it plays.
     */
    private static void audioSession(String command, PhoneLine line) {
        String args = command.replaceAll("^EXEC \"AudioSocket\" \"([^\"]+)\"$", "$1");
        UUID id = UUID.fromString(args.substring(0, args.indexOf(',')));
        int audioPort = Integer.parseInt(args.substring(args.lastIndexOf(':') + 1));
        try (Socket s = new Socket("127.0.0.1", audioPort)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(frame(0x01, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array()));
            Thread sender = Thread.ofVirtual().start(() -> {
                long start = System.nanoTime();
                int at = 0;
                try {
                    for (long f = 0; !s.isClosed(); f++) {
                        long wait = start + f * 20_000_000L - System.nanoTime();
                        if (wait > 0) Thread.sleep(java.time.Duration.ofNanos(wait));
                        byte[] chunk = new byte[320];
                        if (line.talking() && at + 320 <= line.voice.length) {
                            System.arraycopy(line.voice, at, chunk, 0, 320);
                            at += 320;
                        }
                        out.write(frame(0x10, chunk));
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the session is over
                }
            });
            var in = new DataInputStream(s.getInputStream());
            while (true) {
                int kind = in.readUnsignedByte();
                byte[] payload = in.readNBytes(in.readUnsignedShort());
                if (kind == 0x00) break;
                if (kind == 0x10) line.heard(payload);
            }
            sender.interrupt();
        } catch (java.io.EOFException closed) {
            // the server closed the connection
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A shipped English prompt as the frames the session streams: 320 bytes each, the last padded; silent ones left out. */
    private static List<String> prompt(String key) {
        byte[] pcm = pcm(Path.of("sounds/en/hotline/" + key + ".wav"));
        var frames = new java.util.ArrayList<String>();
        for (int at = 0; at < pcm.length; at += 320) {
            byte[] frame = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 320)), 320);
            if (!java.util.Arrays.equals(frame, new byte[320])) frames.add(key(frame));
        }
        return frames;
    }

    private static String key(byte[] frame) {
        return java.util.HexFormat.of().formatHex(frame);
    }

    /** The commands, each {@code EXEC AudioSocket <uuid>,<address>} written as just "AudioSocket". */
    private static List<String> named(List<String> sent) {
        return sent.stream().map(c -> c.startsWith("EXEC \"AudioSocket\"") ? "AudioSocket" : c).toList();
    }

    private static byte[] frame(int kind, byte[] payload) {
        return ByteBuffer.allocate(3 + payload.length).put((byte) kind).putShort((short) payload.length).put(payload).array();
    }

    /** The samples of a 44-byte-header WAV (the evaluation clips). */
    private static byte[] pcm(Path wav) {
        try {
            byte[] all = Files.readAllBytes(wav);
            return java.util.Arrays.copyOfRange(all, 44, all.length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
