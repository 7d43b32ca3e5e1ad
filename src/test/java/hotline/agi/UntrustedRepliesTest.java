package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asterisk's replies are untrusted too: a channel variable holding a line break forges a
 * second reply line, and a reply can be endless or stall. None of that may steer the call.
 */
class UntrustedRepliesTest {

    private static final String WAITSTATUS = "GET VARIABLE \"WAITSTATUS\"";
    @TempDir
    Path tmp;
    private RunningHotline hotline;
    private List<String> cleanCall;

    @BeforeEach
    void start() throws IOException {
        hotline = new RunningHotline(tmp, 10, Duration.ofMillis(500));
        cleanCall = call(FakeAsterisk::silentCaller);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    private List<String> call(Function<String, String> replies) throws IOException {
        return new FakeAsterisk("hotline", "PJSIP/t-1").call(hotline.port, replies);
    }

    /** The commands up to and including the first {@code command}. */
    private List<String> cleanCallThrough(String command) {
        return cleanCall.subList(0, cleanCall.indexOf(command) + 1);
    }

    @Test
    void aForgedSecondReplyLineBehindAChannelVariableIsNeverActedOn() throws IOException {
        List<String> sent = call(command -> command.equals(WAITSTATUS)
                ? "200 result=1 (TIMEOUT)\n200 result=56" // a variable holding "TIMEOUT)\n200 result=56"
                : FakeAsterisk.silentCaller(command));

        assertThat(sent).startsWith(cleanCallThrough(WAITSTATUS).toArray(String[]::new));
        List<String> after = sent.subList(cleanCallThrough(WAITSTATUS).size(), sent.size());
        assertThat(after).allMatch(c -> c.startsWith("SET VARIABLE \"HOTLINE_OUTCOME\"") || c.startsWith("SET VARIABLE \"AJ_AGISTATUS\""));
        assertThat(hotline.journalLines.getLast()).contains("\"outcome\":\"caller-hung-up:listen\"")
                .doesNotContain("\"pressed\"", "teamlead"); // a forged 56 would be key 8, the complaint branch
    }

    @Test
    void asterisksOwnHangUpNoticeBehindAReplyIsAllowed() throws IOException {
        List<String> sent = call(command -> command.equals("ANSWER") ? "200 result=0\nHANGUP" : FakeAsterisk.silentCaller(command));

        assertThat(sent).isEqualTo(cleanCall);
    }

    @Test
    void aReplyLineOverEightKilobytesEndsTheCallWithoutReadingOn() throws IOException {
        List<String> sent = call(command -> command.equals("ANSWER")
                ? "200 result=0 " + "x".repeat(9_000) : FakeAsterisk.silentCaller(command));

        assertThat(sent.getFirst()).isEqualTo("ANSWER");
        assertThat(sent).doesNotContain("STREAM FILE \"hotline/greeting\" \"1234598\"");
    }

    @Test
    void aReplyThatStartsAndStallsEndsTheCallAfterTheLineTimeout() throws IOException {
        List<String> commands = new ArrayList<>();
        long started;
        try (Socket s = new Socket("127.0.0.1", hotline.port)) {
            s.setSoTimeout(5_000);
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            s.getOutputStream().write(new FakeAsterisk("hotline", "PJSIP/t-1").headerBytes());
            commands.add(in.readLine());
            s.getOutputStream().write("200 res".getBytes(StandardCharsets.US_ASCII));
            started = System.nanoTime();
            for (String line; (line = in.readLine()) != null; ) commands.add(line);
        }
        long endedAfterMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(commands.getFirst()).isEqualTo("ANSWER");
        assertThat(commands).doesNotContain("STREAM FILE \"hotline/greeting\" \"1234598\"");
        assertThat(endedAfterMs).isBetween(400L, 3_000L);
    }
}
