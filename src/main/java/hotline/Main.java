package hotline;

import hotline.cli.CallbacksCommand;
import hotline.cli.CheckCommand;
import hotline.cli.EvaluateCommand;
import hotline.cli.ReloadCommand;
import hotline.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hotline serve | check | reload | callbacks | evaluate}; see README.md and docs/operations.md. */
@Command(name = "hotline", mixinStandardHelpOptions = true, version = "hotline-ivr 0.1",
        description = "FastAGI server that runs the customer hotline's call scripts on Asterisk.",
        subcommands = {ServeCommand.class, CheckCommand.class, ReloadCommand.class, CallbacksCommand.class, EvaluateCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args)); // serve returns once drained
    }
}
