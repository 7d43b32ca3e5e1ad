package hotline.agi;

import hotline.config.Dialler;
import hotline.config.Store;
import hotline.store.CallbackStore;
import java.time.Clock;
import java.time.Duration;

/**
 * The child process of {@link DiallerStoppedMidDialTest}: one dialler round against a switchboard
 * with one ready agent, which prints {@code PLACED <id> <attempt>} for each call placed; then it
 * waits to be killed. Arguments: jdbc-url node kill|term. With {@code term} a shutdown hook closes
 * the dialler as {@code serve} does on SIGTERM.
 */
public final class DialAndWait {

    public static void main(String[] args) throws InterruptedException {
        var store = CallbackStore.open(new Store(args[0], null, null, 3, Duration.ofMinutes(1), null, null),
                Clock.systemUTC());
        FakeSwitchboard board = new FakeSwitchboard() {
            @Override
            public synchronized void originate(Placement placement) {
                super.originate(placement);
                System.out.println("PLACED " + placement.callbackId() + " " + placement.attempt());
                System.out.flush();
            }
        };
        board.line("hotline", 1, 0);
        var config = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(90), args[1]);
        var dialler = new CallbackDialler(config, store, board, Clock.systemUTC());
        if (args[2].equals("term")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dialler.close();
                store.close();
                System.out.println("CLOSED");
                System.out.flush();
            }));
        }
        dialler.tick();
        Thread.sleep(Duration.ofMinutes(5));
        System.exit(3); // never reached when the test stops this process as it should
    }
}
