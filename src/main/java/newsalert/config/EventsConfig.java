package newsalert.config;

import java.time.Duration;

/**
 * Grouping stories into events ({@code events.*}).
 *
 * @param window     how far apart in time stories of one event may be ({@code events.window}, default 48h);
 *                   also how far back the grouping is rebuilt after a restart
 * @param minOutlets how many distinct sources must report an event before it alerts
 *                   ({@code events.min-outlets}, default 1: alert on the first alert-worthy story)
 */
public record EventsConfig(Duration window, int minOutlets) {
}
