package hotline.cli;

import hotline.ops.ReloadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reload", mixinStandardHelpOptions = true,
        description = "Ask the running server to reload its config file: the script is swapped for new calls "
                + "only when every check passes (live calls keep theirs). Exits 0 swapped, 1 refused, "
                + "2 server not reachable.")
public final class ReloadCommand implements Callable<Integer> {

    @Option(names = "--admin", paramLabel = "URL", defaultValue = "http://127.0.0.1:4580",
            description = "The server's admin endpoint, server.admin-address and admin-port (default: ${DEFAULT-VALUE}).")
    URI admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReloadResult result;
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var request = HttpRequest.newBuilder(admin.resolve("/reload")).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            result = ReloadResult.fromJson(response.body());
        } catch (IOException | IllegalArgumentException e) {
            err.println("no reload: the server's admin endpoint " + admin + " did not answer (" + e + ")");
            err.flush();
            return 2;
        }
        if (result.ok()) {
            out.println("reloaded: new calls follow script version " + result.version());
            if (!result.needsRestart().isEmpty()) out.println("needs a restart: " + String.join(", ", result.needsRestart()));
            out.flush();
            return 0;
        }
        result.errors().forEach(err::println);
        err.println("reload refused (" + result.errors().size() + " problem(s)): calls go on with script version "
                + result.version());
        err.flush();
        return 1;
    }
}
