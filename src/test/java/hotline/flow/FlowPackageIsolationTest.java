package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlowPackageIsolationTest {

    @Test
    void theFlowsImportNothingFromAsteriskJava() throws IOException {
        assertThat(sourcesContainingAnyOf("org.asteriskjava")).isEmpty();
    }

    @Test
    void theFlowsDoNoIoAndReadNoWallClock() throws IOException {
        assertThat(sourcesContainingAnyOf("java.io", "java.net", "java.nio", "hotline.agi", "hotline.audio",
                "hotline.store", "hotline.journal", "System.", "Thread.", "Instant.now", "Clock.system")).isEmpty();
    }

    private static List<Path> sourcesContainingAnyOf(String... needles) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/hotline/flow"))) {
            var sources = files.toList();
            assertThat(sources).hasSizeGreaterThan(3);
            return sources.stream().filter(f -> {
                try {
                    String text = Files.readString(f);
                    return Stream.of(needles).anyMatch(text::contains);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
