package newsalert.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The container health check ({@code HEALTHCHECK} in the Dockerfile; the runtime image has no curl):
 * {@code java -cp newsalert.jar newsalert.app.HealthProbe [URL]} asks {@code GET /health} of the running bot
 * and exits 0 on 200, 1 otherwise (503, no answer within 5 s, nothing listening), printing the answer or the
 * reason in one line. Without a URL it asks {@code http://127.0.0.1:$NEWSALERT_METRICS_PORT/health} (port 9400
 * when the variable is unset). Plain JDK, no logging set-up, so it starts quickly.
 */
public final class HealthProbe {
    static final int DEFAULT_PORT = 9400;
    private static final int TIMEOUT_MS = 5000;

    private HealthProbe() {
    }

    /** @param args an optional URL of the health route */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : url(System.getenv());
        int code = probe(url);
        System.exit(code);
    }

    /** @return the health URL for the environment's {@code NEWSALERT_METRICS_PORT} */
    static String url(Map<String, String> env) {
        String port = env.getOrDefault("NEWSALERT_METRICS_PORT", "").strip();
        return "http://127.0.0.1:" + (port.matches("[0-9]{1,5}") ? port : String.valueOf(DEFAULT_PORT)) + "/health";
    }

    /**
     * @param url the health route
     * @return 0 when it answered 200, else 1; the answer (or why there was none) is printed on stdout
     */
    static int probe(String url) {
        return probe(url, System.out);
    }

    /**
     * @param url the health route
     * @param out where the answer (or why there was none) is printed, one line
     * @return 0 when it answered 200, else 1
     */
    static int probe(String url, java.io.PrintStream out) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String body = in == null ? "" : new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
                out.println(status + " " + body);
            }
            return status == 200 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("no answer from " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return 1;
        }
    }
}
