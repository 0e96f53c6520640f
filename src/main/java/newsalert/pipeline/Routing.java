package newsalert.pipeline;

import java.util.Objects;
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
 */
public record Routing(SubscriptionStore subscriptions, ChatFeedStore chatFeeds, FeedReader chatFeedReader) {
    public Routing {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(chatFeeds, "chatFeeds");
        Objects.requireNonNull(chatFeedReader, "chatFeedReader");
    }
}
