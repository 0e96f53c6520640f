/**
 * What the bot reports about its work: the {@link newsalert.metrics.Metrics} facade the pipeline, delivery and
 * commands record through (a no-op unless {@code run} serves metrics), its label values, a poll cycle's figures
 * and the {@code /health} verdict. Plain Java: the Micrometer side lives in {@code newsalert.metrics.micrometer}.
 */
package newsalert.metrics;
