package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections that never finish their header are not calls: not for max-calls, not for the drain. */
class IdleConnectionsTest {

    @TempDir
    Path tmp;
    private RunningHotline hotline;
    private final List<Socket> idle = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : idle) s.close();
        if (hotline != null) hotline.close();
    }

    private void openIdle(int count, boolean halfAHeader) throws Exception {
        byte[] header = new FakeAsterisk("hotline", "PJSIP/idle").headerBytes();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket("127.0.0.1", hotline.port);
            if (halfAHeader) s.getOutputStream().write(header, 0, header.length / 2);
            idle.add(s);
        }
        for (int i = 0; i < 200 && hotline.server.connectionsInHeader() < idle.size(); i++) Thread.sleep(5);
        assertThat(hotline.server.connectionsInHeader()).isEqualTo(idle.size());
    }

    @Test
    void idleAndHalfSentConnectionsDoNotMakeARealCallServerBusy() throws Exception {
        hotline = new RunningHotline(tmp, 2, Duration.ofSeconds(10));
        openIdle(3, false);
        openIdle(6, true);

        List<String> sent = new FakeAsterisk("hotline", "PJSIP/real").call(hotline.port, FakeAsterisk::silentCaller);

        assertThat(sent).first().isEqualTo("ANSWER");
        assertThat(sent).contains("SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"");
        for (int i = 0; i < 200 && hotline.server.liveCalls() > 0; i++) Thread.sleep(5); // it ends just after the close
        assertThat(hotline.server.liveCalls()).isZero();
        assertThat(hotline.server.connectionsInHeader()).isEqualTo(idle.size());
    }

    @Test
    void anIdleConnectionDoesNotHoldTheDrain() throws Exception {
        hotline = new RunningHotline(tmp, 2, Duration.ofSeconds(30));
        openIdle(2, true);
        long started = System.nanoTime();

        hotline.server.drain(Duration.ofSeconds(20));

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
        idle.getFirst().setSoTimeout(2_000);
        assertThat(idle.getFirst().getInputStream().read()).isEqualTo(-1); // closed, no call ran
    }

    @Test
    void aSocketThatSendsNothingGetsTheOutcomeAtTheDeadlineAndNoJournalLine() throws Exception {
        hotline = new RunningHotline(tmp, 2, Duration.ofMillis(300));
        try (Socket s = new Socket("127.0.0.1", hotline.port)) {
            s.setSoTimeout(5_000);
            String command = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream())).readLine();

            assertThat(command).isEqualTo("SET VARIABLE \"HOTLINE_OUTCOME\" \"failed:bad-request\"");
        }
        assertThat(hotline.server.badRequests()).isEqualTo(1);
        assertThat(hotline.journalLines).isEmpty();
    }
}
