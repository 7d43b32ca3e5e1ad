package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The AudioSocket listener holds what server.max-calls live calls may open, never fewer than 1024. */
class ListenerCapsTest {

    @Test
    void eachLiveCallMayHoldTwoConnectionsPlusTheOnesIdentifying() {
        assertThat(AudioSocketServer.connectionsFor(1000)).isEqualTo(2 * 1000 + AudioSocketServer.MAX_UNIDENTIFIED);
        assertThat(AudioSocketServer.connectionsFor(10_000)).isEqualTo(20_032);
    }

    @Test
    void theShippedLimitHoldsTwoConnectionsACallAndSmallLimitsKeepTheFloorOf1024() {
        assertThat(AudioSocketServer.connectionsFor(hotline.config.Server.DEFAULT_MAX_CALLS)).isEqualTo(2 * 600 + 32);
        assertThat(AudioSocketServer.connectionsFor(400)).isEqualTo(1024);
        assertThat(AudioSocketServer.connectionsFor(1)).isEqualTo(1024);
    }
}
