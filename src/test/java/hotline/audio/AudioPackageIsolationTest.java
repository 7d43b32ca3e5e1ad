package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AudioPackageIsolationTest {

    @Test
    void theAudioPackageImportsNothingFromAsteriskJavaNorFromTheFlows() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/hotline/audio"))) {
            var sources = files.toList();
            assertThat(sources).hasSizeGreaterThan(5);
            assertThat(sources).filteredOn(f -> read(f).contains("org.asteriskjava") || read(f).contains("hotline.flow"))
                    .isEmpty();
        }
    }

    @Test
    void noSourceFileOfTheAudioPackageWritesAFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/hotline/audio"))) {
            assertThat(files.toList()).filteredOn(f -> read(f).matches("(?s).*(FileOutputStream|Files\\.write|AudioSystem\\.write).*"))
                    .isEmpty();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
