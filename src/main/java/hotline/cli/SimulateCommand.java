package hotline.cli;

import hotline.journal.CallRecord;
import hotline.simulate.Expectations;
import hotline.simulate.Scenario;
import hotline.simulate.ScenarioFile;
import hotline.simulate.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a flow of the config against scripted callers (scenario files, "
                + "docs/call-flows/scenarios/) in virtual time and print each call's journal line. "
                + "Exits 1 when a scenario's `expect` is not met or a file cannot be read, 2 when the config is refused.")
public final class SimulateCommand implements Callable<Integer> {

    enum Format { journal, steps }

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "Scenario files (YAML).")
    List<Path> scenarios;

    @Option(names = "--script", paramLabel = "PATH",
            description = "The script path to run, as the dialplan calls it (default: the scenario's, else hotline).")
    String script;

    @Option(names = "--format", defaultValue = "journal",
            description = "journal: the journal line (JSON); steps: one step a line, times from the answer.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = config.load();
        if (loaded.isEmpty()) return 2;
        var simulator = new Simulator(loaded.get().script());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : scenarios) {
            Scenario scenario;
            try {
                scenario = ScenarioFile.read(file);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                err.println(e.getMessage());
                failed++;
                continue;
            }
            if (script != null) scenario = withScript(scenario, script);
            var run = simulator.run(scenario);
            out.println(format == Format.journal ? run.journalLine() : steps(run.record()));
            err.printf(Locale.ROOT, "%s: %s after %.3f s of call, simulated in %d ms%n", scenario.name(),
                    run.outcome().code(), run.lasted().toMillis() / 1000.0, run.wallTime().toMillis());
            for (String problem : Expectations.problems(run)) {
                err.println(file + ": " + problem);
                failed++;
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    private static Scenario withScript(Scenario s, String script) {
        return new Scenario(s.name(), s.about(), script, s.dialled(), s.callerId(), s.sounds(), s.presses(),
                s.types(), s.hangsUp(), s.speaksFor(), s.queues(), s.agentPresses(), s.expect(), s.when());
    }

    /** One step a line: the time since the call started, the step, its details. */
    static String steps(CallRecord record) {
        var started = (java.time.Instant) record.toMap().get("started");
        return record.steps().stream().map(s -> String.format(Locale.ROOT, "%9.3f s  %-28s %s",
                Duration.between(started, s.at()).toMillis() / 1000.0, s.step(), details(s.detail())))
                .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator() + "outcome: " + record.outcome();
    }

    private static String details(Map<String, Object> detail) {
        return detail.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
