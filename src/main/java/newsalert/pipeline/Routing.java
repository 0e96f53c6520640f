package newsalert.pipeline;

import java.util.Objects;
import newsalert.config.ChatFeedsConfig;
import newsalert.store.ChatFeedStore;
import newsalert.store.SubscriptionStore;

/**
 * What the {@link Poller} needs to route alerts to chats and to poll the feeds chats added.
 *
 * @param subscriptions  subscriptions and moderators' keyword rules (the {@link newsalert.subscription.Router}'s
 *                       input), read once per polled feed
 * @param chatFeeds      feeds added by chats with {@code feeds add}; polled beside the configured ones
 * @param chatFeedReader the reader for chat-added feeds: it must refuse local files and re-check at connect
 *                       time that the host's addresses are allowed (DNS answers can change after
 *                       {@code feeds add} checked them)
 * @param maxAlertsPerHour most new alerts plus toll updates one chat-added feed sends one target per hour
 *                       ({@code chat-feeds.max-alerts-per-hour}); the rest of the hour are held for one digest
 *                       (see {@link newsalert.store.ChatFeedCap}); at least 1
 */
public record Routing(SubscriptionStore subscriptions, ChatFeedStore chatFeeds, FeedReader chatFeedReader,
                      int maxAlertsPerHour) {
    public Routing {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(chatFeeds, "chatFeeds");
        Objects.requireNonNull(chatFeedReader, "chatFeedReader");
        if (maxAlertsPerHour < 1) {
            throw new IllegalArgumentException("maxAlertsPerHour must be at least 1: " + maxAlertsPerHour);
        }
    }

    /** Routing with the default cap of {@value ChatFeedsConfig#DEFAULT_MAX_ALERTS_PER_HOUR} per hour. */
    public Routing(SubscriptionStore subscriptions, ChatFeedStore chatFeeds, FeedReader chatFeedReader) {
        this(subscriptions, chatFeeds, chatFeedReader, ChatFeedsConfig.DEFAULT_MAX_ALERTS_PER_HOUR);
    }
}
