package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.LineQuality;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An Asterisk that stops reading its AudioSocket connection (a stuck channel thread, a network
 * that holds the packets): the call's frames pile up in the socket, then its slots pass unsent.
 * The loop never blocks on it, the pause still ends on the clock, and ops see the lost frames
 * in {@code hotline_audiosocket_frames_unsent_total}.
 */
class AsteriskNotReadingTest extends AudioSocketServerFixture {

    @Test
    void framesAnAsteriskDoesNotReadAreCountedAsUnsentAndThePauseStillEndsOnTheClock() throws Exception {
        try (var asterisk = new Socket()) {
            asterisk.setReceiveBufferSize(1024); // before connecting: the window it offers stays small
            asterisk.connect(new InetSocketAddress("127.0.0.1", port));
            MediaSession session = server.open("stuck-asterisk", LineQuality.defaults());
            asterisk.getOutputStream().write(AudioFrame.identify(session.id()));
            assertThat(session.awaitConnected(Duration.ofSeconds(2))).isTrue();
            assertThat(server.framesUnsent()).isZero();
            long started = System.nanoTime();

            session.pause(Duration.ofSeconds(6)); // 300 frames of 323 bytes: more than the socket holds

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(5900), Duration.ofMillis(6300));
            assertThat(server.framesUnsent()).isPositive().isLessThan(300);
            session.close();
        }
    }
}
