package hotline.store;

import hotline.config.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, in a file of its own per test. */
class SqliteCallbackStoreTest extends SeveralNodesContract {

    @TempDir
    Path dir;

    @Override
    Store config() {
        return Store.at("jdbc:sqlite:" + dir.resolve("callbacks/hotline.db"));
    }
}
