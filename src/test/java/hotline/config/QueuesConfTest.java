package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queues a queues.conf defines, as `check` reads them (docs/configuration.md#queue-names-and-queuesconf). */
class QueuesConfTest {

    @TempDir
    Path dir;

    @Test
    void theQueuesAreTheSectionsButGeneralAndTemplatesInLowerCase() throws Exception {
        Path file = dir.resolve("queues.conf");
        Files.writeString(file, """
                ; [commented-out]
                [general]
                persistentmembers = no
                [hotline-queue](!)              ; a template
                [other-template](!,hotline-queue)
                [hotline](hotline-queue)        ; the agents
                  [Dialect-ES] (hotline-queue)
                [night_shift]
                member => Local/s@robot-agent/n ; [not-a-section]
                """);

        assertThat(QueuesConf.queues(file)).containsExactly("dialect-es", "hotline", "night_shift");
    }

    @Test
    void theShippedQueuesConfDefinesEveryDialectQueueOfTheShippedConfig() throws Exception {
        var defined = QueuesConf.queues(Path.of("asterisk-conf/queues.conf"));
        var config = ConfigLoader.load(Path.of("config/hotline.yaml"));

        assertThat(defined).contains("hotline", "teamlead", "dialect-es", "dialect-zh", "dialect-yue");
        assertThat(config.inbound().queueUses()).allSatisfy(use -> assertThat(defined).contains(use.queue()));
    }

    @Test
    void aMisspelledQueueIsShownTheThreeDefinedNamesThatBeginMostLikeIt() {
        var defined = new java.util.TreeSet<>(java.util.List.of("hotline", "teamlead", "dialect-es", "dialect-zh",
                "dialect-yue", "it-holiday", "it-kill-cycles"));
        assertThat(QueuesConf.nearest("hotlien", defined)).containsExactly("hotline", "dialect-es", "dialect-yue");
        assertThat(QueuesConf.nearest("dialect-sp", defined)).containsExactly("dialect-es", "dialect-yue", "dialect-zh");
        assertThat(QueuesConf.nearest("it-kill", defined)).startsWith("it-kill-cycles", "it-holiday");
    }
}
