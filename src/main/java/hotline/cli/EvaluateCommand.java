package hotline.cli;

import hotline.audio.Confusion;
import hotline.audio.Evaluation;
import hotline.audio.Evaluation.Outcome;
import hotline.config.LineQuality;
import hotline.config.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Run the line-quality classifier over labelled clips (<dir>/<label>/<name>.wav) and print "
                + "the confusion matrix, precision and recall, for all clips, the tuning split and the held-out "
                + "split (names ending in 7, 8 or 9). See docs/line-quality.md.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--clips", paramLabel = "DIR", defaultValue = "src/test/resources/eval",
            description = "The labelled clips (default: ${DEFAULT-VALUE}).")
    Path clips;

    @Option(names = "--features", description = "Also print every clip's measurements as CSV.")
    boolean features;

    @Override
    public Integer call() {
        if (!Files.isDirectory(clips)) {
            System.err.println(clips + ": no such folder");
            return 1;
        }
        List<Evaluation.Clip> all = Evaluation.load(clips);
        if (all.isEmpty()) {
            System.err.println(clips + ": no clips in " + Evaluation.LABELS + " sub-folders");
            return 1;
        }
        LineQuality quality = LineQuality.defaults();
        List<Outcome> outcomes = Evaluation.run(all, quality);
        System.out.printf(Locale.ROOT, "Line-quality evaluation of %d clips in %s (window %s, confirm-voice-after %s, "
                        + "voice-over-noise %.1f dB, quiet-below %.1f dBFS, silence-below %.1f dBFS)%n%n",
                all.size(), clips, Durations.format(quality.window()), Durations.format(quality.confirmVoiceAfter()),
                quality.voiceOverNoise(), quality.quietBelow(), quality.silenceBelow());
        section("All clips", outcomes, o -> true);
        section("Tuning split (names ending in 0-6)", outcomes, o -> !o.clip().heldOut());
        section("Held-out split (names ending in 7-9, never used for tuning)", outcomes, o -> o.clip().heldOut());
        timeToVerdict(outcomes);
        List<Outcome> wrong = outcomes.stream().filter(o -> !o.correct()).toList();
        System.out.println(wrong.isEmpty() ? "Every clip heard as labelled." : "Heard otherwise:");
        wrong.forEach(o -> System.out.printf("  %s/%s heard as %s: %s%n", o.clip().label(), o.clip().name(),
                o.verdict().label(), o.verdict().features()));
        if (features) {
            System.out.println();
            System.out.println("label,name,verdict,decided_ms," + Evaluation.csvHeader());
            outcomes.forEach(o -> System.out.println(o.clip().label() + "," + o.clip().name() + ","
                    + o.verdict().label() + "," + o.decidedAfter().toMillis() + "," + Evaluation.csv(o)));
        }
        return 0;
    }

    private static void section(String title, List<Outcome> outcomes, Predicate<Outcome> which) {
        List<Outcome> chosen = outcomes.stream().filter(which).toList();
        System.out.printf("## %s: %d clips%n%n", title, chosen.size());
        System.out.println(Confusion.of(chosen).table());
    }

    /** How much audio each verdict took: voices are confirmed early, the rest take the window. */
    private static void timeToVerdict(List<Outcome> outcomes) {
        System.out.println("## Audio heard before the verdict (clips are 3.5 s; a voice is confirmed early)");
        System.out.println();
        System.out.println("| label | mean | min | max |");
        System.out.println("|---|---:|---:|---:|");
        for (String label : Evaluation.LABELS) {
            var ms = outcomes.stream().filter(o -> o.clip().label().equals(label))
                    .mapToLong(o -> o.decidedAfter().toMillis()).summaryStatistics();
            if (ms.getCount() == 0) continue;
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %d ms | %d ms |%n", label, ms.getAverage(), ms.getMin(),
                    ms.getMax());
        }
        System.out.println();
    }
}
