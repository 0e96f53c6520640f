package newsalert.store;

import java.time.Instant;
import java.util.Objects;
import newsalert.subscription.Platform;

/**
 * A chat feed that is on for its chat and whose last poll failed, as the feed-health watch reads it once per poll
 * cycle ({@link ChatFeedStore#failingChatFeeds}).
 *
 * @param platform       the chat's platform
 * @param chatId         the chat
 * @param url            the feed's address
 * @param failingSince   when the feed's current run of failed polls began (its first failure in a row)
 * @param lastError      the last failure's one-line reason, or {@code null}
 * @param addedAt        when the chat added the feed
 * @param reenabledAt    when a moderator last turned it back on with {@code feeds retry}, or {@code null}
 * @param failingNoticeAt when the chat was last told that the feed keeps failing, or {@code null}
 */
public record FailingChatFeed(Platform platform, String chatId, String url, Instant failingSince, String lastError,
                              Instant addedAt, Instant reenabledAt, Instant failingNoticeAt) {
    public FailingChatFeed {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /**
     * @return since when the feed has been failing <em>for this chat</em>: the start of the feed's run of failures,
     *         or the time the chat added it or turned it back on, whichever is latest (a chat is never told about
     *         failures from before it had the feed)
     */
    public Instant failingForChatSince() {
        Instant since = failingSince;
        if (addedAt.isAfter(since)) {
            since = addedAt;
        }
        if (reenabledAt != null && reenabledAt.isAfter(since)) {
            since = reenabledAt;
        }
        return since;
    }

    /** @return whether the chat was already told about the current run of failures */
    public boolean noticed() {
        return failingNoticeAt != null && !failingNoticeAt.isBefore(failingForChatSince());
    }
}
