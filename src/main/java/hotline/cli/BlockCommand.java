package hotline.cli;

import hotline.config.Callers;
import hotline.config.ConfigLoader;
import hotline.config.Durations;
import hotline.store.CallerRecords;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hotline block add | remove | list | reports}: the block list for ops (docs/operations.md#callers).
 * A blocked caller hears callers.blocked-prompt, the pause and the hang-up; the call is journalled
 * {@code blocked}. Numbers are caller ID digits, as the server sees them: "+1 555-0100" is 15550100.
 */
@Command(name = "block", mixinStandardHelpOptions = true,
        description = "Keep the block list: numbers whose calls hear one polite sentence and are ended.",
        subcommands = {BlockCommand.Add.class, BlockCommand.Remove.class, BlockCommand.ListBlocked.class,
                BlockCommand.Reports.class})
public final class BlockCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** The digits the server compares (caller ID without '+', spaces or dashes); empty when none are left. */
    static Optional<String> digits(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.isEmpty() || digits.length() > 20 || !typed.matches("[0-9+ ().-]+") ? Optional.empty()
                : Optional.of(digits);
    }

    static String until(Optional<Instant> until) {
        return until.map(Instant::toString).orElse("until removed");
    }

    /** Runs {@code work} on the store's caller records, or exits 2 when the store cannot be opened. */
    static int withRecords(StoreOption store, CommandSpec spec, java.util.function.ToIntFunction<CallerRecords> work) {
        return store.with(spec, s -> work.applyAsInt(s.callers()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Block a number, for callers.block-for of --config (default 30d), --for a while, or --forever.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "NUMBER", description = "The caller's number, e.g. 01012345678 or +82 10-1234-5678.")
        String number;

        @ArgGroup(exclusive = true)
        How how = new How();

        static final class How {
            @Option(names = "--for", paramLabel = "DURATION", description = "How long, e.g. 12h or 90d.")
            Optional<String> lasting = Optional.empty();

            @Option(names = "--forever", description = "Until `hotline block remove`.")
            boolean forever;
        }

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "blocked by ops",
                description = "Why, for the next person to read (at most 200 characters; default: ${DEFAULT-VALUE}).")
        String reason;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
                description = "Who blocked it (default: the user running this).")
        String by;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> digits = digits(number);
            if (digits.isEmpty()) {
                err.println("'" + number + "' is not a phone number (1 to 20 digits; '+', spaces, dashes allowed)");
                return 1;
            }
            Duration lasting;
            try {
                lasting = how.lasting.map(Durations::parse).orElseGet(this::configured);
            } catch (IllegalArgumentException | hotline.config.ConfigException e) {
                err.println(how.lasting.isPresent() ? "--for: " + e.getMessage() : e.getMessage());
                return 1;
            }
            Instant now = clock.instant();
            Optional<Instant> until = how.forever ? Optional.empty() : Optional.of(now.plus(lasting));
            return withRecords(store, spec, records -> {
                var entry = records.block(digits.get(), now, until, reason, by);
                spec.commandLine().getOut().println("blocked " + entry.number() + " " + until(entry.until()));
                return 0;
            });
        }

        private Duration configured() {
            return Files.isRegularFile(store.configFile) ? ConfigLoader.load(store.configFile).callers().blockFor()
                    : Callers.defaults().blockFor();
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Take a number off the block list; exits 1 when it was not on it.")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "NUMBER")
        String number;

        @Override
        public Integer call() {
            Optional<String> digits = digits(number);
            if (digits.isEmpty()) {
                spec.commandLine().getErr().println("'" + number + "' is not a phone number");
                return 1;
            }
            return withRecords(store, spec, records -> {
                if (!records.unblock(digits.get())) {
                    spec.commandLine().getErr().println(digits.get() + " is not on the block list");
                    return 1;
                }
                spec.commandLine().getOut().println("unblocked " + digits.get());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The numbers blocked now.")
    static final class ListBlocked implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            return withRecords(store, spec, records -> {
                var blocked = records.blocked(clock.instant());
                PrintWriter out = spec.commandLine().getOut();
                String row = "%-20s %-24s %-24s %-12s %s%n";
                out.printf(row, "number", "blocked-at", "until", "by", "reason");
                for (var b : blocked) out.printf(row, b.number(), b.blockedAt(), until(b.until()), b.by(), b.reason());
                out.println(blocked.size() + " number(s) blocked");
                return 0;
            });
        }
    }

    @Command(name = "reports", mixinStandardHelpOptions = true,
            description = "The latest abuse reports (the agent's abusive key pressed twice), newest first.")
    static final class Reports implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "NUMBER", arity = "0..1", description = "Only this number's reports.")
        Optional<String> number = Optional.empty();

        @Option(names = "--last", paramLabel = "N", defaultValue = "50", description = "At most N (default: ${DEFAULT-VALUE}).")
        int last;

        @Override
        public Integer call() {
            Optional<String> digits = number.flatMap(BlockCommand::digits);
            if (number.isPresent() && digits.isEmpty()) {
                spec.commandLine().getErr().println("'" + number.get() + "' is not a phone number");
                return 1;
            }
            return withRecords(store, spec, records -> {
                var reports = records.reports(digits, last);
                PrintWriter out = spec.commandLine().getOut();
                String row = "%-24s %-20s %-24s %-12s %s%n";
                out.printf(row, "reported-at", "number", "call", "queue", "agent");
                for (var r : reports) {
                    out.printf(row, r.at(), r.number().isEmpty() ? "(withheld)" : r.number(), r.callId(), r.queue(), r.agent());
                }
                out.println(reports.size() + " report(s)");
                return 0;
            });
        }
    }
}
