package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connections that have not yet identified are capped, so strays cannot hold the listener; a
 * burst of calls set up at once (the capacity ramp's 400 calls together) must not be refused by
 * that cap: each session still waiting for its connection makes room for one.
 */
class SetUpBurstTest extends AudioSocketServerFixture {

    private static final LineQuality QUALITY = LineQuality.defaults();

    @Test
    void aBurstOfCallsSetUpTogetherIsConnectedEveryOneEvenWhenAllConnectBeforeAnyIdentifies() throws Exception {
        int calls = 3 * AudioSocketServer.MAX_UNIDENTIFIED;
        List<MediaSession> sessions = new ArrayList<>();
        List<FakeAsteriskAudio> lines = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) sessions.add(server.open("burst-" + i, QUALITY));
            for (int i = 0; i < calls; i++) lines.add(new FakeAsteriskAudio(port));
            for (int i = 0; i < calls; i++) lines.get(i).identify(sessions.get(i).id());

            for (MediaSession session : sessions) assertThat(session.awaitConnected(Duration.ofSeconds(3))).isTrue();
            assertThat(server.refusedConnections()).isZero();
        } finally {
            sessions.forEach(MediaSession::close);
            for (var line : lines) line.close();
        }
    }

    @Test
    void strayConnectionsThatNeverIdentifyAreCappedWhenNoCallIsWaitingForOne() throws Exception {
        int strays = AudioSocketServer.MAX_UNIDENTIFIED + 8;
        List<FakeAsteriskAudio> lines = new ArrayList<>();
        try {
            for (int i = 0; i < strays; i++) lines.add(new FakeAsteriskAudio(port));
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (server.refusedConnections() < 8 && System.nanoTime() < deadline) Thread.sleep(10);

            assertThat(server.refusedConnections()).isEqualTo(8);
            assertThat(lines.stream().filter(line -> {
                try {
                    return line.closedByServer();
                } catch (java.io.IOException e) {
                    return true;
                }
            }).count()).as("closed by the server (refused at once, or not identified within 2 s)").isEqualTo(strays);
        } finally {
            for (var line : lines) line.close();
        }
    }
}
