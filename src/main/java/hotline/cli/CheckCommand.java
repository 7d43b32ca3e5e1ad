package hotline.cli;

import hotline.config.ConfigException;
import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.config.ConfigFile;
import hotline.config.LoadedConfig;
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
        List<String> problems = ConfigFile.problems(cfg, config.file.toString()); // what a reload checks too
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

    private int refused(List<String> problems) {
        var err = spec.commandLine().getErr();
        problems.forEach(err::println);
        err.println(problems.size() + " problem(s) in " + config.file);
        err.flush();
        return 1;
    }
}
