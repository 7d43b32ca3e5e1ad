package hotline.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A child JVM for {@link ReloadSignalTest}: installs the handler, says whether it took, waits for one reload. */
final class ReloadSignalProbe {

    public static void main(String[] args) throws InterruptedException {
        var reloaded = new CountDownLatch(1);
        System.out.println("installed " + ReloadSignal.install(reloaded::countDown));
        System.out.println(reloaded.await(3, TimeUnit.SECONDS) ? "reloaded" : "no reload");
    }
}
