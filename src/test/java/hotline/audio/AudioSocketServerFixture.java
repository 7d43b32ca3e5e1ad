package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real AudioSocket server on a free port per test, checked for leaks after each. */
abstract class AudioSocketServerFixture {

    protected AudioSocketServer server;
    protected int port;

    @BeforeEach
    final void startTheServer() throws IOException {
        server = new AudioSocketServer("127.0.0.1", 0);
        port = server.start();
    }

    @AfterEach
    final void stopAndCheckNothingLeaks() throws InterruptedException {
        server.close();
        for (int i = 0; i < 50 && server.liveConnections() > 0; i++) Thread.sleep(20);
        assertThat(server.liveConnections()).isZero();
        assertThat(server.openSessions()).isZero();
    }
}
