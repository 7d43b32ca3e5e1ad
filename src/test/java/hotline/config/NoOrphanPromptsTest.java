package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 7: no prompt is orphaned. Every catalogue key is said by the shipped config's
 * scripts or by the dialplan (or is reserved below, by name, for work that will say it), and
 * every key the config or the dialplan says is in every catalogue.
 */
class NoOrphanPromptsTest {

    private static final Path CATALOGUES = Path.of("sounds/catalogue");

    /** A prompt the dialplan plays: Playback(hotline/<key>) and the like (not hotline-lab/, hotline-recordings/). */
    private static final Pattern DIALPLAN_PROMPT = Pattern.compile("(?<![\\w-])hotline/([a-z0-9][a-z0-9_-]*)");

    /**
     * Reserved for issue 11 agent scripts: recorded in every language, said by no flow yet.
     * Remove a key from here when a flow or the dialplan starts saying it.
     */
    private static final Set<String> RESERVED_FOR_ISSUE_11_AGENT_SCRIPTS = Set.of(
            "wait-apology");    // §1 the first words after a long wait (the agent says it: agent-apologise)
    // callback-confirmed-24h is not reserved: config names it (callbacks.confirmed-prompts.complex),
    // although no flow produces the complex reason yet (issue 12 item 5).

    private final HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));

    @Test
    void everyCatalogueKeyIsSaidByTheConfigOrTheDialplanOrIsReservedByName() throws IOException {
        Set<String> said = said();
        for (String language : languages()) {
            Set<String> orphans = new TreeSet<>(keys(language));
            orphans.removeAll(said);
            orphans.removeAll(RESERVED_FOR_ISSUE_11_AGENT_SCRIPTS);
            orphans.removeIf(k -> k.startsWith("digits/")); // Asterisk's SayDigits() / SAY DIGITS read these
            assertThat(orphans).as("keys in sounds/catalogue/" + language + ".txt that nothing says").isEmpty();
        }
    }

    @Test
    void everyKeyTheConfigOrTheDialplanSaysIsInEveryCatalogue() throws IOException {
        Set<String> said = said();
        for (String language : languages()) {
            Set<String> missing = new TreeSet<>(said);
            missing.removeAll(keys(language));
            assertThat(missing).as("keys said but missing from sounds/catalogue/" + language + ".txt").isEmpty();
        }
        assertThat(languages()).containsAll(config.languages().offered());
    }

    @Test
    void theReservedKeysAreInEveryCatalogueAndNotYetSaid() throws IOException {
        assertThat(RESERVED_FOR_ISSUE_11_AGENT_SCRIPTS).doesNotContainAnyElementsOf(said());
        for (String language : languages()) {
            assertThat(keys(language)).as(language).containsAll(RESERVED_FOR_ISSUE_11_AGENT_SCRIPTS);
        }
    }

    @Test
    void noFlowSaysAPromptTheConfigDoesNotNameSoTheConfigsPromptUsesAreEveryPromptAFlowSays() throws IOException {
        var literal = Pattern.compile("\\.(play|offer|ask|offerIn|askIn|promptAndListen|askDigits|recordVoice)\\(\\s*\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/hotline"))) {
            var offenders = sources.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return literal.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).as("sources that play a prompt key written in the code").isEmpty();
        }
    }

    @Test
    void theDialplanPromptsAreFound() throws IOException {
        assertThat(dialplanPrompts()).contains("line-adjusting", "teamlead-caller-details", "callback-intro",
                "agent-apologise");
    }

    private Set<String> said() throws IOException {
        Set<String> said = config.promptUses().map(InboundScript.PromptUse::promptKey)
                .collect(Collectors.toCollection(TreeSet::new));
        said.addAll(dialplanPrompts());
        return said;
    }

    private static Set<String> dialplanPrompts() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String raw : Files.readAllLines(Path.of("asterisk-conf/extensions.conf"))) {
            var m = DIALPLAN_PROMPT.matcher(raw.replaceFirst("(?<!\\\\);.*", ""));
            while (m.find()) keys.add(m.group(1));
        }
        return keys;
    }

    private static Set<String> languages() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - ".txt".length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The keys of sounds/catalogue/<language>.txt: key TAB text; # comments and blank lines skipped. */
    private static Set<String> keys(String language) throws IOException {
        return Files.readAllLines(CATALOGUES.resolve(language + ".txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("\t"))
                .map(l -> l.substring(0, l.indexOf('\t'))).collect(Collectors.toCollection(TreeSet::new));
    }
}
