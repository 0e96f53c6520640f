/**
 * Durable delivery of outbox rows to chat platforms: the {@link newsalert.delivery.ChatPlatform} port that
 * adapters implement, per-platform {@link newsalert.delivery.RateLimits} enforced by a clock-driven
 * {@link newsalert.delivery.RateLimiter}, and the {@link newsalert.delivery.DeliveryWorker} that sends
 * pending rows in order per target, retries with back-off and pauses targets on permanent errors.
 * Depends only on {@code java.*}, {@code story}, {@code subscription} and the {@code store} ports.
 */
package newsalert.delivery;
