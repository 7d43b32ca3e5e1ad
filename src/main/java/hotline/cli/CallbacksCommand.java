package hotline.cli;

import hotline.store.CallbackFilter;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.ExportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hotline callbacks list | done | export}: the callback store for ops (docs/callbacks.md). */
@Command(name = "callbacks", mixinStandardHelpOptions = true,
        description = "List, close and export the callbacks promised to callers.",
        subcommands = {CallbacksCommand.ListCallbacks.class, CallbacksCommand.Done.class, CallbacksCommand.Export.class})
public final class CallbacksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, and exit 2 like any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The callbacks in arrival order; exits 2 when the store cannot be opened.")
    static final class ListCallbacks implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Mixin
        Filter filter;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var opened = store.open(spec.commandLine().getErr());
            if (opened.isEmpty()) return 2;
            List<CallbackRequest> callbacks;
            List<hotline.store.SetAside> setAside;
            try (CallbackStore callbackStore = opened.get()) {
                callbacks = callbackStore.list(filter.toFilter());
                setAside = callbackStore.listSetAside();
            }
            String row = "%-6s %-20s %-8s %-12s %-20s %-9s %-20s %8s  %-12s %s%n";
            out.printf(row, "id", "created-at", "state", "queue", "number", "reason", "promised-by", "attempts",
                    "last-result", "caller-id");
            for (CallbackRequest c : callbacks) {
                out.printf(row, c.id(), c.createdAt(), c.state().code(), c.queue().code(), c.number(), c.reason(),
                        c.promisedBy(), c.attempts(), c.lastResult().orElse("-"), c.caller().callerId().orElse("-"));
            }
            out.println(callbacks.size() + " callback(s)");
            for (var s : setAside) {
                out.printf("set aside: callback %d (created %s): %s%n", s.id(), s.createdAt(), s.why());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true,
            description = "Close a callback by hand (the caller was reached another way); exits 1 for an unknown id.")
    static final class Done implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "ID", description = "The callback's id, as list shows it.")
        long id;

        @Override
        public Integer call() {
            return store.with(spec, callbackStore -> {
                Optional<CallbackState> before = callbackStore.find(id).map(CallbackRequest::state);
                if (before.isEmpty()) {
                    spec.commandLine().getErr().println("no callback " + id);
                    return 1;
                }
                callbackStore.markDone(id);
                spec.commandLine().getOut().println("callback " + id + ": " + before.get().code() + " -> done");
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the callbacks as CSV or JSON, to stdout or a file.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Mixin
        Filter filter;

        @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", converter = FormatConverter.class,
                description = "csv (a header line, RFC 4180) or json (an array); default: ${DEFAULT-VALUE}.")
        ExportFormat format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout (replaced).")
        Optional<Path> file;

        @Override
        public Integer call() throws IOException {
            var opened = store.open(spec.commandLine().getErr());
            if (opened.isEmpty()) return 2;
            try (CallbackStore callbackStore = opened.get()) {
                if (file.isEmpty()) {
                    callbackStore.export(filter.toFilter(), format, spec.commandLine().getOut());
                    return 0;
                }
                // callers' numbers: readable by this user only (0600), also when the file existed
                try (Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        hotline.files.PrivateFiles.replace(file.get()), StandardCharsets.UTF_8))) {
                    callbackStore.export(filter.toFilter(), format, out);
                }
            }
            spec.commandLine().getErr().println("wrote " + file.get());
            return 0;
        }
    }

    /** {@code --state} and {@code --queue}, shared by list and export. */
    static final class Filter {

        @Option(names = "--state", paramLabel = "STATE", converter = StateConverter.class,
                description = "Only callbacks in this state: pending, dialling, done or failed.")
        Optional<CallbackState> state;

        @Option(names = "--queue", paramLabel = "QUEUE", converter = QueueConverter.class,
                description = "Only callbacks waiting in this line: any queue name (inbound.agents.queue, "
                        + "inbound.complaint.queue, a dialect queue …), e.g. hotline, teamlead, dialect-es.")
        Optional<CallbackQueue> queue;

        CallbackFilter toFilter() {
            return new CallbackFilter(state, queue);
        }
    }

    static final class StateConverter implements ITypeConverter<CallbackState> {
        public CallbackState convert(String value) {
            return CallbackState.ofCode(value).orElseThrow(() -> new IllegalArgumentException(
                    "'" + value + "' is not a state: " + Arrays.stream(CallbackState.values())
                            .map(CallbackState::code).collect(Collectors.joining(", "))));
        }
    }

    static final class QueueConverter implements ITypeConverter<CallbackQueue> {
        public CallbackQueue convert(String value) {
            // Asterisk's queue names are case-insensitive; the store keeps them in lower case
            return CallbackQueue.parse(value.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                    new IllegalArgumentException("'" + value + "' is not a queue name (lower-case letters, digits, "
                            + "'_' and '-', as in queues.conf)"));
        }
    }

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        public ExportFormat convert(String value) {
            return Arrays.stream(ExportFormat.values()).filter(f -> f.name().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not csv or json"));
        }
    }
}
