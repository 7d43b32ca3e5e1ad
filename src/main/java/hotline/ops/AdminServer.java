package hotline.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP endpoint ({@code server.admin-address:admin-port}, 127.0.0.1:4580): {@code POST
 * /reload} reloads the config file and answers {@link ReloadResult} as JSON (200 swapped, 422
 * refused); {@code GET /metrics} is the Prometheus scrape. The JDK's own HTTP server.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private AdminServer(HttpServer http) {
        this.http = http;
    }

    /** Binds and serves; the port bound is {@link #port()} (useful when asked for 0). */
    public static AdminServer start(String address, int port, Reloader reloader, Metrics metrics) throws IOException {
        var http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16);
        var admin = new AdminServer(http);
        http.createContext("/reload", exchange -> admin.reload(exchange, reloader));
        http.createContext("/metrics", new MetricsHandler(metrics.registry));
        http.setExecutor(admin.executor);
        http.start();
        log.info("admin endpoint on http://{}:{}/ (POST /reload, GET /metrics)", address, admin.port());
        return admin;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void reload(HttpExchange exchange, Reloader reloader) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            log.info("reload asked by {}", exchange.getRemoteAddress());
            ReloadResult result = reloader.reload();
            byte[] body = (result.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(result.ok() ? 200 : 422, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.close();
    }
}
