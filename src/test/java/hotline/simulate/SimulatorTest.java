package hotline.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.ConfigLoader;
import hotline.config.Listening;
import hotline.config.Script;
import hotline.journal.CallRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private final Script shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).script();

    private Simulator.Simulation run(Script script, String yaml) {
        return new Simulator(script).run(ScenarioFile.parse("test", yaml));
    }

    @Test
    void aSilentCallTakesItsPromptsWavLengthsAndTheConfiguredWindowsAndPauses() {
        var run = run(shipped, "silent: true");

        List<CallRecord.Step> steps = run.record().steps();
        Duration greeting = Duration.ofMillis(4146); // sounds/en/hotline/greeting.wav
        assertThat(Duration.between(steps.get(2).at(), steps.get(3).at())).isEqualTo(greeting);
        assertThat(steps).filteredOn(s -> s.step().equals("pause")).singleElement()
                .satisfies(p -> assertThat(p.detail()).containsEntry("length", "5s"));
        assertThat(run.lasted()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(35));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aLongerListeningWindowInTheConfigLengthensTheSimulatedCall() {
        var longer = shipped.withInbound(new hotline.config.InboundScript(shipped.inbound().greeting(),
                new Listening(List.of("cant-hear-you", "cant-hear-you"), Duration.ofSeconds(7), null, "audio"),
                shipped.inbound().silentLine(), shipped.inbound().quietLine(), shipped.inbound().noisyLine(),
                shipped.inbound().agents(), shipped.inbound().dialect(), shipped.inbound().callbacks(),
                shipped.inbound().complaint()));

        var before = run(shipped, "silent: true");
        var after = run(longer, "silent: true");

        assertThat(after.record().steps()).filteredOn(s -> s.step().equals("cant-hear-you")).hasSize(2);
        assertThat(after.lasted().minus(before.lasted())).isGreaterThan(Duration.ofSeconds(10));
    }

    @Test
    void aVoiceOverTheGreetingStopsItAndIsJournalledAsABargeIn() {
        var run = run(shipped, "speaks-at: 1s\nagent-answers-after: 5s");

        assertThat(run.record().steps().get(2).detail()).containsEntry("heard", "voice")
                .containsEntry("barged-in-after-ms", 1160L);
        assertThat(run.outcome().code()).isEqualTo("queued:hotline");
    }

    @Test
    void aKeyPressedAtATimeWorksInWhateverStepIsListeningForIt() {
        var run = run(shipped, "presses: [{at: 9s, key: \"3\"}]");

        assertThat(run.record().steps()).extracting(CallRecord.Step::step).startsWith("answer", "language",
                "greeting", "more-options", "listen", "language", "greeting");
        assertThat(run.record().toMap().get("language")).isEqualTo("zh");
    }

    @Test
    void agentPressesAreAcceptedButNotYetUsed() {
        var run = run(shipped, "speaks-at: 1s\nagent-answers-after: 5s\nagent-presses: [{at: 30s, key: \"5\"}]");

        assertThat(run.scenario().agentPresses()).hasSize(1);
        assertThat(run.outcome().code()).isEqualTo("queued:hotline");
    }

    @Test
    void anUnknownScenarioKeyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ScenarioFile.parse("typo", "speaks-after: 2s"))
                .hasMessageContaining("typo: speaks-after: unknown key");
    }

    @Test
    void aScenarioStartsWhenItSaysAndItsHoursAreCheckedAsHotlineYamlsAre() {
        var evening = ScenarioFile.parse("evening", """
                starts-at: 2026-01-05T20:00:00+01:00
                hours: {time-zone: Europe/Berlin, weekly: {monday: [09:00-18:00]}, when-closed: goodbye}
                """);
        var run = new Simulator(ConfigLoader.load(Path.of("config/hotline.yaml")).script()).run(evening);
        assertThat(run.outcome().code()).isEqualTo("closed-goodbye");
        assertThat(run.record().toMap().get("started")).isEqualTo(java.time.Instant.parse("2026-01-05T19:00:00Z"));
        assertThatThrownBy(() -> ScenarioFile.parse("bad", "hours: {time-zone: Mars/Olympus}"))
                .hasMessageContaining("bad: hours:").hasMessageContaining("hours.time-zone: 'Mars/Olympus' is not an IANA");
        assertThatThrownBy(() -> ScenarioFile.parse("bad", "starts-at: tonight"))
                .hasMessageContaining("bad: starts-at: 'tonight' is not a time with its offset");
    }
}
