package hotline.cli;

import hotline.config.ConfigException;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.ConfigFile;
import hotline.config.LoadedConfig;
import hotline.config.QueuesConf;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the config and that every prompt has a sound file in every language; "
                + "exits 1 with the list of every problem.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--print", description = "Also print every key's effective value and where it comes from "
            + "(# file or # default).")
    boolean print;

    @Option(names = "--queues-conf", paramLabel = "FILE",
            description = "Asterisk's queues.conf: every queue the config names must be a [section] there "
                    + "(default: asterisk-conf/queues.conf beside the config's folder; skipped with a note when "
                    + "that file does not exist).")
    Path queuesConf;
    @Option(names = "--print-dialplan-hours", description = "Print only the opening hours as the dialplan context "
            + "[hotline-hours] for asterisk-conf/extensions.conf (the fallback when the server is down).")
    boolean printDialplanHours;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.loadWithSources(config.file);
        } catch (ConfigException e) {
            return refused(e.problems());
        }
        HotlineConfig cfg = loaded.config();
        if (print) {
            loaded.lines().forEach(out::println);
            out.flush();
        }
        List<String> problems = new ArrayList<>(ConfigFile.problems(cfg, config.file.toString())); // as a reload
        problems.addAll(queueProblems(cfg, err));
        if (!problems.isEmpty()) {
            return refused(problems);
        }
        if (printDialplanHours) {
            hotline.hours.DialplanHours.context(cfg.hours().model(), config.file.toString()).forEach(out::println);
            out.flush();
            return 0;
        }
        long prompts = cfg.promptUses().map(u -> u.promptKey()).distinct().count();
        out.println(config.file + ": OK (" + prompts + " prompts in " + cfg.languages().offered() + ")");
        err.flush();
        return 0;
    }

    /** The config's queue names that queues.conf does not define (docs/configuration.md#queue-names-and-queuesconf). */
    private List<String> queueProblems(HotlineConfig cfg, PrintWriter err) {
        boolean given = queuesConf != null;
        Path file = given ? queuesConf : defaultQueuesConf(config.file);
        if (!given && !Files.isRegularFile(file)) {
            err.println("note: queue names not checked against queues.conf: no " + file + " (give --queues-conf, "
                    + "or compare with `asterisk -rx \"queue show\"`)");
            return List.of();
        }
        try {
            var defined = QueuesConf.queues(file);
            return QueuesConf.problems(cfg, config.file.toString(), Files.readString(config.file), file, defined);
        } catch (IOException e) {
            return List.of(file + ": cannot read the queues.conf given to check the queue names: " + e.getMessage());
        }
    }

    /** config/hotline.yaml → asterisk-conf/queues.conf: the project's layout. */
    static Path defaultQueuesConf(Path configFile) {
        Path folder = configFile.toAbsolutePath().getParent();
        Path above = folder.getParent() == null ? folder : folder.getParent();
        return above.resolve("asterisk-conf").resolve("queues.conf");
    }

    private int refused(List<String> problems) {
        var err = spec.commandLine().getErr();
        problems.forEach(err::println);
        err.println(problems.size() + " problem(s) in " + config.file);
        err.flush();
        return 1;
    }
}
