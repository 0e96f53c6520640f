package newsalert.config;

/**
 * The monitoring endpoint ({@code metrics.*}): {@code GET /metrics} (Prometheus) and {@code GET /health}.
 *
 * @param port the TCP port ({@code metrics.port}, env {@code NEWSALERT_METRICS_PORT}); {@code null} (the
 *             default) serves nothing
 * @param host the address to bind ({@code metrics.host}, env {@code NEWSALERT_METRICS_HOST}, default
 *             {@code 127.0.0.1}: this machine only; use
 *             {@code 0.0.0.0} in a container so that the platform's probes and Prometheus reach it)
 */
public record MetricsConfig(Integer port, String host) {
    /** @return whether the endpoint is served */
    public boolean enabled() {
        return port != null;
    }
}
