package newsalert.metrics.micrometer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import newsalert.metrics.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring endpoint on the JDK's {@link HttpServer} (no web framework for two routes):
 * {@code GET /metrics} answers the Prometheus text format (version 0.0.4) of a {@link MicrometerMetrics};
 * {@code GET /health} answers 200 or 503 with the {@link Health.Report} as a JSON object. Other paths get 404,
 * other methods 405. Requests are served one at a time on a daemon thread; a failure inside a handler is
 * logged and answered 500 without its text.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsalert-metrics");
        t.setDaemon(true);
        return t;
    });

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds and starts the endpoint.
     *
     * @param host         the address to bind, e.g. {@code 127.0.0.1} ({@code metrics.host})
     * @param port         the port ({@code metrics.port}); 0 picks a free one (see {@link #port()})
     * @param metrics      the meters served at {@code /metrics}
     * @param beforeScrape runs before each scrape (refreshes gauges read from the store); its failure is logged
     * @param health       the verdict served at {@code /health}
     * @return the running server; close it to stop
     * @throws UncheckedIOException when the address cannot be bound (in use, not local), with a message saying so
     */
    public static MetricsServer start(String host, int port, MicrometerMetrics metrics, Runnable beforeScrape,
                                      Health health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another metrics.port or metrics.host", e);
        }
        MetricsServer out = new MetricsServer(server);
        server.createContext("/metrics", ex -> out.handle(ex, "/metrics", () -> {
            try {
                beforeScrape.run();
            } catch (RuntimeException e) {
                LOG.warn("metrics: could not refresh the store gauges: {}", e.toString());
            }
            return new Answer(200, PROMETHEUS_TYPE, metrics.scrape());
        }));
        server.createContext("/health", ex -> out.handle(ex, "/health", () -> {
            Health.Report r = health.check();
            return new Answer(r.up() ? 200 : 503, "application/json", JSON.writeValueAsString(r.body()));
        }));
        server.createContext("/", ex -> out.handle(ex, null, () -> new Answer(404, "text/plain; charset=utf-8",
                "not found: try /metrics or /health\n")));
        server.setExecutor(out.executor);
        server.start();
        return out;
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    private record Answer(int status, String type, String body) {
    }

    private interface Handler {
        Answer answer() throws IOException;
    }

    private void handle(HttpExchange ex, String path, Handler handler) throws IOException {
        try (ex) {
            Answer a;
            if (path != null && !path.equals(ex.getRequestURI().getPath())) {
                a = new Answer(404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n");
            } else if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "GET, HEAD");
                a = new Answer(405, "text/plain; charset=utf-8", "only GET and HEAD\n");
            } else {
                try {
                    a = handler.answer();
                } catch (RuntimeException | IOException e) {
                    LOG.warn("{} failed: {}", path, e.toString());
                    a = new Answer(500, "text/plain; charset=utf-8", "internal error\n");
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", a.type());
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(a.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Stops serving at once and ends the thread. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
