package newsalert.metrics;

import java.time.Duration;
import newsalert.story.Topic;
import newsalert.subscription.Platform;

/**
 * What the bot tells about its work, recorded by the poller, the delivery worker and the command registry.
 * Every method is a no-op by default, so {@link #NOOP} (for {@code scan} and tests) costs nothing;
 * {@link MicrometerMetrics} turns the calls into the {@code newsalert_*} Prometheus series. Implementations are
 * thread-safe and never throw. Passed in by the wiring ({@code run}); there is no global instance.
 */
public interface Metrics {
    /** Records nothing. */
    Metrics NOOP = new Metrics() {
    };

    /**
     * One poll cycle ended ({@code newsalert_poll_cycles_total}, {@code newsalert_poll_cycle_seconds}).
     *
     * @param cycle its counts, duration and end time
     */
    default void pollCycle(PollCycle cycle) {
    }

    /**
     * One feed was fetched ({@code newsalert_feed_fetches_total{result}}).
     *
     * @param outcome what the fetch gave
     */
    default void feedFetched(FetchOutcome outcome) {
    }

    /**
     * The feeds' states after a cycle ({@code newsalert_feeds{state}}); replaces the previous figures.
     *
     * @param active     feeds read without error last time
     * @param backingOff feeds whose last tries failed, retried later with back-off
     * @param disabled   feeds not read until their URL or the settings change
     */
    default void feedStates(int active, int backingOff, int disabled) {
    }

    /**
     * New entries were stored ({@code newsalert_entries_new_total}).
     *
     * @param count how many (0 or more)
     */
    default void entriesNew(int count) {
    }

    /**
     * An alert was queued ({@code newsalert_alerts_total{topic}}); an alert on both topics is counted once
     * under each.
     *
     * @param topic one of its topics
     */
    default void alerted(Topic topic) {
    }

    /** An alerted event's view was revised: its sent alerts get edits ({@code newsalert_events_revised_total}). */
    default void eventRevised() {
    }

    /**
     * The outbox rows waiting for a platform now ({@code newsalert_outbox_pending{platform}}).
     *
     * @param platform the chat platform
     * @param rows     pending rows (0 or more)
     */
    default void outboxPending(Platform platform, long rows) {
    }

    /**
     * One delivery attempt's outcome ({@code newsalert_deliveries_total{platform,result}}).
     *
     * @param platform the chat platform
     * @param outcome  what the platform answered
     */
    default void delivered(Platform platform, DeliveryOutcome outcome) {
    }

    /**
     * The time from the first sight of an alert's entry to the platform accepting the alert
     * ({@code newsalert_alert_latency_seconds}).
     *
     * @param latency not negative (a negative value, from a clock step, is recorded as 0)
     */
    default void alertLatency(Duration latency) {
    }

    /**
     * One chat command was handled ({@code newsalert_commands_total{platform,command,result}}).
     *
     * @param platform where it was typed
     * @param command  the command's name, or {@code "unknown"} for names that are not commands
     * @param outcome  how it ended
     */
    default void command(Platform platform, String command, CommandOutcome outcome) {
    }
}
