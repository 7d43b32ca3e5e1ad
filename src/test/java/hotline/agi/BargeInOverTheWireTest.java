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
 * The adapter's choice for a re-prompt: through the AudioSocket session (barge-in) when
 * the detector is {@code audio} and the WAV is here, STREAM FILE otherwise. Asterisk's
 * side of both the AGI and the AudioSocket connection is scripted.
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
    void aCallerWhoSpeaksOverCantHearYouStopsItAndIsPutThrough() throws IOException {
        start(Path.of("sounds"));
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-talks-late-00000001;1");
        int[] audioSockets = {0};
        int[] promptFramesHeard = {0};

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("EXEC \"AudioSocket\"")) {
                // the first listen: silence; the re-prompt: the caller talks over it
                promptFramesHeard[0] = audioSession(command, ++audioSockets[0] == 2);
                return "200 result=0";
            }
            if (command.startsWith("EXEC \"Queue\"")) return "200 result=-1";
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(named(sent)).containsSubsequence("STREAM FILE \"hotline/complaint-option\" \"1234598\"",
                "AudioSocket", "AudioSocket", "STREAM FILE \"hotline/connecting\" \"\"");
        assertThat(sent).noneMatch(c -> c.contains("cant-hear-you"));
        assertThat(promptFramesHeard[0]).isBetween(1, 60); // of 151 (3.02 s): stopped within 1.2 s
        assertThat(journalLines).singleElement().satisfies(line -> assertThat(line).contains(
                "\"step\":\"cant-hear-you\"", "\"action\":\"play-then-listen\"", "\"heard\":\"voice\"",
                "\"barged-in-after-ms\":", "\"outcome\":\"queued:hotline\""));
    }

    @Test
    void withoutTheWavHereTheRepromptIsPlayedWithStreamFileThenListenedTo() throws IOException {
        start(tmp.resolve("no-sounds"));
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-silent-00000002;1");

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("EXEC \"AudioSocket\"")) {
                audioSession(command, false);
                return "200 result=0";
            }
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(named(sent)).containsSubsequence("AudioSocket", "STREAM FILE \"hotline/cant-hear-you\" \"\"",
                "AudioSocket", "STREAM FILE \"hotline/no-sound-goodbye\" \"\"");
    }

    /**
     * Asterisk's AudioSocket(): connects, names the listen, sends silence (or the talk clip)
     * in 20 ms frames until the server's hangup frame; returns how many audio frames came back.
     */
    private static int audioSession(String command, boolean talks) {
        String args = command.replaceAll("^EXEC \"AudioSocket\" \"([^\"]+)\"$", "$1");
        UUID id = UUID.fromString(args.substring(0, args.indexOf(',')));
        int audioPort = Integer.parseInt(args.substring(args.lastIndexOf(':') + 1));
        try (Socket s = new Socket("127.0.0.1", audioPort)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(frame(0x01, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array()));
            byte[] voice = talks ? pcm(Path.of("src/test/resources/eval/speech/talk-0.wav")) : new byte[0];
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    for (int at = 0; !s.isClosed(); at += 320) {
                        byte[] chunk = new byte[320];
                        if (at + 320 <= voice.length) System.arraycopy(voice, at, chunk, 0, 320);
                        out.write(frame(0x10, chunk));
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the session is over
                }
            });
            var in = new DataInputStream(s.getInputStream());
            int audioFrames = 0;
            while (true) {
                int kind = in.readUnsignedByte();
                in.skipNBytes(in.readUnsignedShort());
                if (kind == 0x00) break;
                if (kind == 0x10) audioFrames++;
            }
            sender.interrupt();
            return audioFrames;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
