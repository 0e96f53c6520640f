package newsalert.store;

import java.time.Instant;
import java.util.Objects;
import newsalert.subscription.Platform;

/**
 * A feed a chat's moderators added.
 *
 * @param platform the platform
 * @param chatId   the chat
 * @param url      the feed's absolute http(s) URL, as the moderator gave it
 * @param addedBy  the platform's id of the moderator, or {@code null}
 * @param addedAt  when it was added
 */
public record ChatFeed(Platform platform, String chatId, String url, String addedBy, Instant addedAt) {
    public ChatFeed {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
