package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Good fixtures load; each bad fixture fails with exactly the problems in its .expected twin, one a
 * line, in the order of the file (every problem at once, not only the first).
 */
class ConfigFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/config");

    static Stream<String> badFixtures() throws IOException {
        try (var files = Files.list(FIXTURES.resolve("bad"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).map(n -> n.replace(".yaml", "")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(30);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("badFixtures")
    void aBadConfigIsRefusedWithEveryProblemNamingTheFileLineColumnAndKey(String name) throws IOException {
        List<String> expected = Files.readString(FIXTURES.resolve("bad/" + name + ".expected")).strip().lines().toList();
        String yaml = Files.readString(FIXTURES.resolve("bad/" + name + ".yaml"));

        var refused = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("bad/" + name + ".yaml", yaml));

        assertThat(refused.problems()).containsExactlyElementsOf(expected);
        assertThat(refused.problems()).allMatch(p -> p.matches("bad/" + name + "\\.yaml:\\d+:\\d+: .+"));
    }

    @Test
    void settingOneKeyOfASectionKeepsTheOthersDefaults() {
        HotlineConfig config = ConfigLoader.load(FIXTURES.resolve("good/quiet-line-reprompts-only.yaml"));

        assertThat(config.inbound().quietLine().reprompts()).containsExactly("speak-louder");
        assertThat(config.inbound().quietLine().goodbye()).isEqualTo("too-quiet-goodbye");
        assertThat(config.inbound().quietLine().pauseBeforeHangup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.inbound().noisyLine()).isEqualTo(HotlineConfig.defaults().inbound().noisyLine());
    }

    @Test
    void oneKeyInEachSectionLeavesEveryOtherKeyAtItsDefault() {
        var loaded = ConfigLoader.loadWithSources(FIXTURES.resolve("good/one-key-in-each-section.yaml"));
        var defaults = EffectiveValues.of(HotlineConfig.defaults());

        loaded.values().forEach((key, value) -> {
            if (loaded.sourceOf(key) == LoadedConfig.Source.DEFAULT && !key.equals("languages.fallback")) {
                assertThat(value).as(key).isEqualTo(defaults.get(key));
            }
        });
        assertThat(loaded.config().languages().fallback()).isEqualTo("es"); // the first offered
        assertThat(loaded.config().store().promise()).containsEntry("complex", Duration.ofHours(24));
        assertThat(loaded.config().inbound().callbacks().confirmedPrompts()).containsKeys("simple", "complex", "complaint");
    }

    @Test
    void theShippedConfigLoadsWithTheDocumentedSilentLineTimings() {
        HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));

        assertThat(config.inbound().greeting()).isEqualTo("greeting");
        assertThat(config.inbound().listening().reprompts()).containsExactly("cant-hear-you");
        assertThat(config.languages().offered()).containsExactly("en", "es", "zh", "ko", "yue");
        assertThat(config.languages().optionsPrompt()).isEqualTo("more-options");
        assertThat(config.languages().keys()).isEqualTo("1234590");
        assertThat(config.inbound().listening().listenFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.inbound().silentLine().pauseBeforeHangup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.server().port()).isEqualTo(4573);
    }

    @Test
    void theShippedConfigSaysOnlyTrueThingsAtEachCallbackAndQueueEnd() {
        HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));

        assertThat(config.inbound().agents().gaveUpPrompt()).isEqualTo("could-not-connect");
        assertThat(config.inbound().callbacks().confirmCallerIdPrompt()).isEqualTo("callback-confirm-caller-id");
        assertThat(config.inbound().callbacks().noNumberPrompt()).isEqualTo("callback-no-number");
        assertThat(config.inbound().callbacks().pauseBeforeHangup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.inbound().complaint().unavailablePrompt()).isEqualTo("complaint-callback-instead");
        var defaults = HotlineConfig.defaults().inbound();
        assertThat(defaults.callbacks()).isEqualTo(config.inbound().callbacks()); // the shipped file spells out the defaults
        assertThat(defaults.agents().gaveUpPrompt()).isEqualTo("could-not-connect");
        assertThat(defaults.complaint().unavailablePrompt()).isEqualTo("complaint-callback-instead");
    }

    @Test
    void aMinimalConfigTakesEveryDefault() {
        HotlineConfig config = ConfigLoader.load(FIXTURES.resolve("good/minimal.yaml"));

        assertThat(config).isEqualTo(HotlineConfig.defaults());
    }

    @Test
    void aTunedConfigKeepsEveryValueOpsWrote() {
        HotlineConfig config = ConfigLoader.load(FIXTURES.resolve("good/tuned.yaml"));

        assertThat(config.server().maxCalls()).isEqualTo(5);
        assertThat(config.server().drainGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.languages().fallback()).isEqualTo("es");
        assertThat(config.languages().forNumber("100")).isEqualTo("en");
        assertThat(config.languages().menuKey()).isEqualTo("*");
        assertThat(config.languages().keys()).isEqualTo("129*");
        assertThat(config.inbound().listening().voiceNeeded()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.inbound().listening().reprompts()).hasSize(2);
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("no/such.yaml")))
                .hasMessage("no/such.yaml: no such file");
    }

    @Test
    void durationsAreWrittenTheWayOpsWriteThem() {
        assertThat(Durations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofMillis(4500))).isEqualTo("4500ms");
    }
}
