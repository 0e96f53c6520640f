package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsalert.subscription.Platform;

/**
 * The storage port for feeds added per chat with {@code feeds add}. Implementations are thread-safe; every
 * method is one transaction; failures surface as {@link StoreException}.
 */
public interface ChatFeedStore {

    /** @return false when the chat already has this URL (nothing changed) */
    boolean addChatFeed(ChatFeed feed);

    /** @return whether the chat had the URL and it was removed */
    boolean removeChatFeed(Platform platform, String chatId, String url);

    /** @return the chat's feeds in the order they were added */
    List<ChatFeed> chatFeeds(Platform platform, String chatId);

    /** @return every chat's feeds, for the poller */
    List<ChatFeed> allChatFeeds();

    /**
     * @param url a chat feed's URL
     * @return when the newest entry of the feed at {@code url} was first seen, or empty when none was (or this
     *         store does not keep entries)
     */
    default Optional<Instant> lastNewEntry(String url) {
        return Optional.empty();
    }

    /**
     * @param url a chat feed's URL
     * @return when its current run of failed polls began (stored {@code feed_state.failing_since}), or empty when
     *         its last poll succeeded, it was never polled, or the run began before that was recorded
     */
    default Optional<Instant> failingSince(String url) {
        return Optional.empty();
    }

    /**
     * @param url a chat feed's URL
     * @return what the poller last recorded for it (last error, next poll), if it was polled; empty by default
     */
    default Optional<FeedState> pollState(String url) {
        return Optional.empty();
    }
}
