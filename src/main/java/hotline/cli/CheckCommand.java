package hotline.cli;

import hotline.config.HotlineConfig;
import hotline.config.ConfigFile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the config and that every prompt has a sound file in every language; "
                + "exits 1 with the list of problems.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = config.load();
        if (loaded.isEmpty()) {
            return 1;
        }
        HotlineConfig cfg = loaded.get();
        List<String> problems = ConfigFile.problems(cfg, config.file.toString()); // what a reload checks too
        var err = spec.commandLine().getErr();
        problems.forEach(err::println);
        if (!problems.isEmpty()) {
            err.println(problems.size() + " problem(s) in " + config.file);
            err.flush();
            return 1;
        }
        long prompts = cfg.promptUses().map(u -> u.promptKey()).distinct().count();
        spec.commandLine().getOut().println(config.file + ": OK (" + prompts + " prompts in " + cfg.languages().offered() + ")");
        return 0;
    }
}
