package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.Server;
import hotline.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server and the AGI adapter against Asterisk's side of the wire, scripted. */
class HotlineOverTheWireTest {

    @TempDir
    Path tmp;
    private final List<String> journalLines = new CopyOnWriteArrayList<>();
    private AgiServer server;
    private int port;

    private void start(int maxCalls) throws IOException {
        HotlineConfig base = ConfigLoader.load(Path.of("config/hotline.yaml"));
        HotlineConfig config = base.withServer(new Server("127.0.0.1", freePort(), maxCalls, Duration.ofSeconds(5)));
        var journal = new JournalWriter(tmp.resolve("journal.jsonl"));
        journal.addListener(journalLines::add);
        server = new AgiServer(() -> config, journal, hotline.store.TestStores.sqliteBook());
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
    }

    @Test
    void aSilentCallerGetsTheWholeSilentLineScriptAndTheOutcomeVariable() throws IOException {
        start(10);
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-silent-00000001;1");

        List<String> sent = asterisk.call(port, FakeAsterisk::silentCaller);

        assertThat(sent).containsExactly(
                "ANSWER",
                "SET VARIABLE \"CHANNEL(language)\" \"en\"",
                "STREAM FILE \"hotline/greeting\" \"12345908\"",
                "STREAM FILE \"hotline/more-options\" \"12345908\"",
                "EXEC \"WaitForNoise\" \"300,1,5\"",
                "GET VARIABLE \"WAITSTATUS\"",
                "STREAM FILE \"hotline/cant-hear-you\" \"12345908\"",
                "EXEC \"WaitForNoise\" \"300,1,5\"",
                "GET VARIABLE \"WAITSTATUS\"",
                "STREAM FILE \"hotline/no-sound-goodbye\" \"\"",
                "EXEC \"Wait\" \"5.000\"",
                "HANGUP",
                "SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"",
                "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
        assertThat(journalLines).singleElement().satisfies(line -> assertThat(line)
                .contains("\"call\":\"1764000000.42\"", "\"caller\":\"5551234\"",
                        "\"step\":\"cant-hear-you\"", "\"heard\":\"silence\"", "\"outcome\":\"silent-line-goodbye\""));
    }

    @Test
    void aCallerWhoHangsUpDuringTheGreetingIsRecordedAsSuch() throws IOException {
        start(10);
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-hangs-up-greeting-00000002;1");

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("STREAM FILE")) return "200 result=-1 endpos=8000";
            if (command.startsWith("CHANNEL STATUS")) return "511 Command Not Permitted on a dead channel or intercept routine";
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(sent).contains("SET VARIABLE \"HOTLINE_OUTCOME\" \"caller-hung-up:greeting\"")
                .doesNotContain("STREAM FILE \"hotline/cant-hear-you\" \"\"");
        assertThat(journalLines.getFirst()).contains("\"outcome\":\"caller-hung-up:greeting\"");
    }

    @Test
    void aMissingSoundFileOnALiveChannelDoesNotDropTheCall() throws IOException {
        start(10);
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-silent-00000003;1");

        List<String> sent = asterisk.call(port, command -> {
            if (command.contains("hotline/greeting")) return "200 result=-1 endpos=0";
            if (command.startsWith("CHANNEL STATUS")) return "200 result=6";
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(sent).contains("SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"");
    }

    @Test
    void aPromptMissingInTheCallersLanguageIsPlayedInTheFallbackLanguageInstead() throws IOException {
        start(10);
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-silent-00000004;1");
        asterisk.request.put("agi_extension", "8005550101"); // the Spanish number

        List<String> sent = asterisk.call(port, command -> {
            if (command.startsWith("STREAM FILE \"hotline/greeting\"")) return "200 result=-1 endpos=0";
            if (command.startsWith("CHANNEL STATUS")) return "200 result=6";
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(sent).containsSubsequence("SET VARIABLE \"CHANNEL(language)\" \"es\"",
                "STREAM FILE \"hotline/greeting\" \"12345908\"", "CHANNEL STATUS",
                "STREAM FILE \"en/hotline/greeting\" \"12345908\"", "STREAM FILE \"hotline/more-options\" \"12345908\"");
        assertThat(sent).contains("SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"");
    }

    @Test
    void aKeyPressedDuringTheGreetingSwitchesTheChannelLanguage() throws IOException {
        start(10);
        var asterisk = new FakeAsterisk("hotline", "Local/s@robot-picks-00000005;1");

        List<String> sent = asterisk.call(port, command -> {
            if (command.equals("STREAM FILE \"hotline/greeting\" \"12345908\"") && !asteriskSaid.getAndSet(true)) {
                return "200 result=52 endpos=4000"; // '4' pressed: Korean
            }
            return FakeAsterisk.silentCaller(command);
        });

        assertThat(sent).containsSubsequence("STREAM FILE \"hotline/greeting\" \"12345908\"",
                "SET VARIABLE \"CHANNEL(language)\" \"ko\"", "STREAM FILE \"hotline/greeting\" \"12345908\"",
                "EXEC \"WaitForNoise\" \"300,1,5\"");
        assertThat(sent).doesNotContain("STREAM FILE \"hotline/more-options\" \"12345908\"");
        assertThat(journalLines.getFirst()).contains("\"language\":\"ko\"", "\"pressed\":\"4\"");
    }

    private final java.util.concurrent.atomic.AtomicBoolean asteriskSaid = new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    void aCallBeyondTheLimitIsRefusedWithServerBusyNotASilentClose() throws Exception {
        start(1);
        var firstIsPlaying = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                new FakeAsterisk("hotline", "Local/s@a;1").call(port, command -> {
                    if (command.startsWith("STREAM FILE")) {
                        firstIsPlaying.countDown();
                        await(releaseFirst);
                    }
                    return FakeAsterisk.silentCaller(command);
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(firstIsPlaying.await(5, TimeUnit.SECONDS)).isTrue();

        List<String> second = new FakeAsterisk("hotline", "Local/s@b;1").call(port, FakeAsterisk::silentCaller);

        assertThat(second).startsWith("SET VARIABLE \"HOTLINE_OUTCOME\" \"server-busy\"");
        releaseFirst.countDown();
        first.join(10_000);
    }

    @Test
    void anUnknownScriptPathRunsNothingAndEndsAsFailedUnknownScriptSoTheDialplanFallsBack() throws IOException {
        start(10);

        List<String> sent = new FakeAsterisk("hotlinez", "Local/s@c;1").call(port, FakeAsterisk::silentCaller);

        assertThat(sent).startsWith("SET VARIABLE \"HOTLINE_OUTCOME\" \"failed:unknown-script\"")
                .noneMatch(c -> c.startsWith("ANSWER") || c.startsWith("STREAM") || c.startsWith("EXEC"));
        assertThat(journalLines).singleElement().satisfies(line -> assertThat(line)
                .contains("\"script\":\"hotlinez\"", "\"outcome\":\"failed:unknown-script\"", "\"steps\":[]"));
    }

    @Test
    void callerControlledTextIsCleanedBeforeItReachesTheJournal() throws IOException {
        start(10);
        var asterisk = new FakeAsterisk("hotline", "Local/s@d;1");
        asterisk.request.put("agi_calleridname", "Eve${SHELL}$[1+1]" + "x".repeat(8000));

        asterisk.call(port, FakeAsterisk::silentCaller);

        String line = journalLines.getFirst();
        assertThat(line).contains("\"caller-name\":\"Eve{SHELL}[1+1]xxx").doesNotContain("${", "$[");
        assertThat(line.length()).isLessThan(4000);
    }

    @Test
    void drainingLetsALiveCallFinishAndRefusesNewConnections() throws Exception {
        start(10);
        var playing = new CountDownLatch(1);
        var sent = new CopyOnWriteArrayList<String>();
        Thread call = Thread.ofVirtual().start(() -> {
            try {
                sent.addAll(new FakeAsterisk("hotline", "Local/s@e;1").call(port, command -> {
                    if (command.contains("hotline/greeting")) {
                        playing.countDown();
                        sleep(300); // the greeting is still playing while the drain starts
                    }
                    return FakeAsterisk.silentCaller(command);
                }));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(playing.await(5, TimeUnit.SECONDS)).isTrue();

        server.drain(Duration.ofSeconds(10));

        call.join(5_000);
        assertThat(sent).contains("SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"");
        assertThat(server.liveCalls()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
                .isInstanceOf(java.net.ConnectException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
