package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlowPackageIsolationTest {

    @Test
    void theFlowsImportNothingFromAsteriskJava() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/hotline/flow"))) {
            var sources = files.toList();
            assertThat(sources).hasSizeGreaterThan(3);
            var offenders = sources.stream().filter(f -> {
                try {
                    return Files.readString(f).contains("org.asteriskjava");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
