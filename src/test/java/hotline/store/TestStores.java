package hotline.store;

import hotline.config.Store;
import hotline.flow.CallbackBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Real SQLite stores in throw-away files, for tests that run whole calls. */
public final class TestStores {

    private TestStores() {}

    public static CallbackStore sqlite() {
        try {
            Path dir = Files.createTempDirectory("hotline-store");
            return CallbackStore.open(Store.at("jdbc:sqlite:" + dir.resolve("hotline.db")), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CallbackBook sqliteBook() {
        return new StoreCallbackBook(sqlite());
    }
}
