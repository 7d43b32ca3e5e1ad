package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-header limits over the wire: line count, shape, keys, what follows the blank line, the deadline. */
class HeaderLimitsOverTheWireTest {

    private static final List<String> REFUSED_ONLY = List.of("SET VARIABLE \"HOTLINE_OUTCOME\" \"failed:bad-request\"");
    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(400);

    @TempDir
    Path tmp;
    private RunningHotline hotline;

    @AfterEach
    void stop() {
        if (hotline != null) hotline.close();
    }

    private List<String> send(byte[] header) throws IOException {
        if (hotline == null) hotline = new RunningHotline(tmp, 10, HEADER_TIMEOUT);
        return new FakeAsterisk("hotline", "PJSIP/t-1").call(hotline.port, header, FakeAsterisk::silentCaller);
    }

    private static FakeAsterisk withArguments(int count) {
        var asterisk = new FakeAsterisk("hotline", "PJSIP/t-1");
        for (int i = 1; asterisk.request.size() < count; i++) asterisk.request.put("agi_arg_" + i, "a" + i);
        return asterisk;
    }

    @Test
    void aHeaderOfOneHundredLinesIsServed() throws IOException {
        assertThat(send(withArguments(100).headerBytes())).contains("ANSWER", "SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"");
    }

    @Test
    void aHeaderOfOneHundredAndOneLinesIsRefused() throws IOException {
        assertThat(send(withArguments(101).headerBytes())).isEqualTo(REFUSED_ONLY);
    }

    @Test
    void aLineSentTwiceIsRefusedAsADuplicateKey() throws IOException {
        String header = new String(new FakeAsterisk("hotline", "PJSIP/t-1").headerBytes(), StandardCharsets.UTF_8);

        assertThat(send(("agi_uniqueid: 1764000000.7\n" + header).getBytes(StandardCharsets.UTF_8))).isEqualTo(REFUSED_ONLY);
    }

    @Test
    void keysThatDifferOnlyInCaseFromAsterisksAreRefusedNotMergedByAsteriskJava() throws IOException {
        var asterisk = new FakeAsterisk("hotline", "PJSIP/t-1");
        asterisk.request.put("agi_UniqueID", "1764000000.7");

        assertThat(send(asterisk.headerBytes())).isEqualTo(REFUSED_ONLY);
    }

    @Test
    void linesNotShapedAgiKeyColonSpaceValueAreRefused() throws IOException {
        for (String line : List.of("ogi_uniqueid: 1", "agi_uniqueid:1", "agi_: x", "agi uniqueid: 1", "no colon")) {
            String header = new String(new FakeAsterisk("hotline", "PJSIP/t-1").headerBytes(), StandardCharsets.UTF_8);

            assertThat(send((line + "\n" + header).getBytes(StandardCharsets.UTF_8))).as(line).isEqualTo(REFUSED_ONLY);
        }
    }

    @Test
    void aHeaderEndedEarlyWithoutTheLinesAsteriskAlwaysSendsIsRefused() throws IOException {
        var asterisk = new FakeAsterisk("hotline", "PJSIP/t-1");
        asterisk.request.remove("agi_priority");

        assertThat(send(asterisk.headerBytes())).isEqualTo(REFUSED_ONLY);
    }

    @Test
    void bytesAlreadyWaitingAfterTheBlankLineAreAProtocolError() throws IOException {
        byte[] header = new FakeAsterisk("hotline", "PJSIP/t-1").headerBytes();
        var forged = new ByteArrayOutputStream();
        forged.writeBytes(header);
        forged.writeBytes("200 result=56\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(send(forged.toByteArray())).isEqualTo(REFUSED_ONLY);
    }

    @Test
    void aHeaderTrickledByteByBytePastTheDeadlineIsRefusedEvenThoughEachReadIsQuick() throws Exception {
        hotline = new RunningHotline(tmp, 10, HEADER_TIMEOUT);
        byte[] header = new FakeAsterisk("hotline", "PJSIP/t-1").headerBytes();
        long started = System.nanoTime();
        List<String> commands = new ArrayList<>();
        long refusedAfterMs;
        try (Socket s = new Socket("127.0.0.1", hotline.port)) {
            s.setSoTimeout(5_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (byte b : header) {
                        s.getOutputStream().write(b);
                        Thread.sleep(5); // each byte well inside any per-read timeout
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server gave up on the header and the test closed the socket
                }
            });
            commands.add(in.readLine());
            refusedAfterMs = (System.nanoTime() - started) / 1_000_000;
            for (String line; (line = in.readLine()) != null; ) commands.add(line);
            trickle.interrupt();
        }

        assertThat(commands).isEqualTo(REFUSED_ONLY);
        assertThat(refusedAfterMs).isBetween(HEADER_TIMEOUT.toMillis(), header.length * 5L); // the deadline, not the trickle's end
        assertThat(hotline.journalLines).singleElement().asString().contains("no complete header within 400 ms");
    }

    @Test
    void aConnectionClosedInsideTheHeaderRunsNoFlow() throws Exception {
        hotline = new RunningHotline(tmp, 10, HEADER_TIMEOUT);
        byte[] header = new FakeAsterisk("hotline", "PJSIP/t-1").headerBytes();
        try (Socket s = new Socket("127.0.0.1", hotline.port)) {
            s.getOutputStream().write(header, 0, header.length / 2);
        }

        awaitRefused(1);
        assertThat(hotline.journalLines).singleElement().asString()
                .contains("\"outcome\":\"failed:bad-request\"").doesNotContain("\"caller\"");
    }

    private void awaitRefused(long count) throws InterruptedException {
        for (int i = 0; i < 200 && hotline.server.badRequests() < count; i++) Thread.sleep(10);
        assertThat(hotline.server.badRequests()).isEqualTo(count);
    }
}
