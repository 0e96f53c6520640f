/**
 * The {@link newsalert.metrics.Metrics} facade on Micrometer's Prometheus registry, and the {@code /metrics} and
 * {@code /health} endpoint on the JDK's HTTP server. Only the wiring ({@code run}) depends on this package.
 */
package newsalert.metrics.micrometer;
