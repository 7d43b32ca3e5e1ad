package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReloadWhenStartedTest {

    private final AtomicInteger reloads = new AtomicInteger();
    private final ReloadWhenStarted sighup = new ReloadWhenStarted();

    @Test
    void aSighupWhileTheServerStartsIsCarriedOutOnceItHasStarted() {
        sighup.run();
        assertThat(reloads).hasValue(0);
        sighup.started(reloads::incrementAndGet);
        assertThat(reloads).hasValue(1);
    }

    @Test
    void severalSighupsWhileItStartsMakeOneReload() {
        sighup.run();
        sighup.run();
        sighup.started(reloads::incrementAndGet);
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aServerStartedWithoutASighupIsNotReloadedAndEachLaterSighupReloadsIt() {
        sighup.started(reloads::incrementAndGet);
        assertThat(reloads).hasValue(0);
        sighup.run();
        sighup.run();
        assertThat(reloads).hasValue(2);
    }
}
