package hotline.store;

import hotline.config.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The child process of the durability test: saves one callback, prints {@code SAVED <id>},
 * then waits to be killed. Arguments: jdbc-url [user [password]].
 */
public final class SaveAndWait {

    public static void main(String[] args) throws InterruptedException {
        var config = new Store(args[0], args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null,
                null, null, null, null);
        var store = CallbackStore.open(config, Clock.systemUTC());
        var saved = store.save(new NewCallback(CallbackNumber.of("0611223344"), "es", "complex",
                CallbackQueue.of("teamlead"), Optional.of("callbacks/statement-1"),
                CallerDetails.of("0611223344", Duration.ofMinutes(4))));
        System.out.println("SAVED " + saved.id());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
        System.exit(3); // never reached when the test kills this process as it should
    }
}
