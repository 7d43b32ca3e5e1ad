package hotline.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files with callers' numbers in them (the journal, the SQLite store, the spool, exports) are
 * created readable by the server's user only: 0600, whatever the umask. A file that already
 * exists keeps its mode (ops may have chosen a group), except where a caller says otherwise.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code file} empty and 0600 unless it exists; its folders are created. */
    public static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createFile(file, attributes());
        } catch (FileAlreadyExistsException exists) {
            // kept as it is
        }
    }

    /** Opens {@code file} for appending, creating it 0600 first when it is new. */
    public static OutputStream append(Path file) throws IOException {
        create(file);
        return Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Opens {@code file} to be replaced (an export's --out): created 0600, an existing file set to 0600. */
    public static OutputStream replace(Path file) throws IOException {
        create(file);
        restrict(file);
        return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** A channel on a new file, 0600 (the spool's rewrite, before it is moved into place). */
    public static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes());
    }

    /** Sets 0600 on an existing file. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static FileAttribute<?>[] attributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
