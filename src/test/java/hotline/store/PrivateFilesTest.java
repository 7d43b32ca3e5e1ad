package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import hotline.files.PrivateFiles;
import hotline.journal.CallRecord;
import hotline.journal.JournalWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files with callers' numbers in them are readable by the server's user only, whatever the umask. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void theSqliteDatabaseAndItsWalAreCreatedOwnerOnly() throws Exception {
        Path db = dir.resolve("data/hotline.db");
        try (var store = CallbackStore.open(Store.at("jdbc:sqlite:" + db), Clock.systemUTC())) {
            store.save(new NewCallback(CallbackNumber.of("0601"), "en", "simple", CallbackQueue.of("hotline"),
                    Optional.empty(), CallerDetails.of("0601", Duration.ZERO)));
            assertThat(Files.getPosixFilePermissions(db)).isEqualTo(PrivateFiles.OWNER_ONLY);
            assertThat(Files.getPosixFilePermissions(Path.of(db + "-wal"))).isEqualTo(PrivateFiles.OWNER_ONLY);
        }
    }

    @Test
    void theJournalIsCreatedOwnerOnly() {
        Path file = dir.resolve("logs/journal.jsonl");
        try (var journal = new JournalWriter(file)) {
            journal.write(new CallRecord(Clock.systemUTC()).with("call", "1"));
        }
        assertThat(PosixFilePermissions.toString(permissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aJournalLineWrittenAfterTheDrainClosedTheJournalIsStillAppended() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        var journal = new JournalWriter(file);
        journal.write(new CallRecord(Clock.systemUTC()).with("call", "live"));
        journal.close();

        journal.write(new CallRecord(Clock.systemUTC()).with("call", "cut-by-the-drain"));

        assertThat(Files.readAllLines(file)).hasSize(2).last().asString().contains("cut-by-the-drain");
    }

    @Test
    void anExportReplacingAWorldReadableFileLeavesItOwnerOnly() throws Exception {
        Path out = dir.resolve("callbacks.csv");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));

        try (var stream = PrivateFiles.replace(out)) {
            stream.write("new".getBytes());
        }

        assertThat(Files.readString(out)).isEqualTo("new");
        assertThat(permissions(out)).isEqualTo(PrivateFiles.OWNER_ONLY);
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
