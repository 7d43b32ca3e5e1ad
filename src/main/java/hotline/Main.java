package hotline;

import hotline.cli.BlockCommand;
import hotline.cli.BuildVersion;
import hotline.cli.CallbacksCommand;
import hotline.cli.CheckCommand;
import hotline.cli.DrawCommand;
import hotline.cli.EvaluateCommand;
import hotline.cli.NodesCommand;
import hotline.cli.ReloadCommand;
import hotline.cli.ServeCommand;
import hotline.cli.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hotline serve | check | reload | callbacks | block | nodes | evaluate | simulate | draw}; see README.md and docs/operations.md. */
@Command(name = "hotline", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "FastAGI server that runs the customer hotline's call scripts on Asterisk.",
        subcommands = {ServeCommand.class, CheckCommand.class, ReloadCommand.class, CallbacksCommand.class, BlockCommand.class,
                NodesCommand.class, EvaluateCommand.class, SimulateCommand.class, DrawCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args)); // serve returns once drained
    }
}
