package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped AMI users (asterisk-conf/manager.conf) have only what they use. */
class ManagerConfTest {

    private static final Set<String> SHELL_CLASSES = Set.of("all", "system", "command", "config", "dialplan");

    /** section → key → value, as Asterisk reads it: ';' starts a comment. */
    static Map<String, Map<String, String>> sections() throws IOException {
        var sections = new LinkedHashMap<String, Map<String, String>>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(Path.of("asterisk-conf/manager.conf"))) {
            String line = raw.replaceFirst(";.*", "").strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.indexOf(']')), current);
            } else if (current != null && line.contains("=")) {
                current.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return sections;
    }

    private static Set<String> rights(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theDiallersUserMayOriginateAndReadQueuesButNeverRunAShellOrACommand() throws IOException {
        var dialler = sections().get("hotline");

        assertThat(rights(dialler.get("write"))).containsExactly("call", "originate", "reporting");
        assertThat(rights(dialler.get("read"))).containsExactly("call", "user");
        assertThat(dialler.get("permit")).isEqualTo("127.0.0.1/255.255.255.255");
    }

    @Test
    void noShippedUserMayWriteSystemCommandConfigOrDialplan() throws IOException {
        sections().forEach((name, keys) -> {
            if (name.equals("general")) return;
            assertThat(rights(keys.get("write"))).as("write of [%s]", name).doesNotContainAnyElementsOf(SHELL_CLASSES);
        });
    }

    @Test
    void everySecretShippedIsOneCheckRefusesAndTheShippedConfigCarriesNone() throws IOException {
        var secrets = sections().values().stream().map(k -> k.get("secret")).filter(s -> s != null).toList();
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));

        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(Dialler.PUBLISHED_SECRETS).contains(s));
        assertThat(shipped.dialler().amiUser()).isEqualTo("hotline");
        assertThat(shipped.dialler().secretIsPublished()).isFalse();
    }
}
