package newsalert.store;

import java.time.Duration;
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
 * @param interval the feed's own time between polls ({@code feeds add <url> 30m}, stored to the millisecond), or
 *                 {@code null} to poll it at {@code poll.interval}
 * @param disabledAt     when the feed was turned off for this chat after failing for 7 days ({@code feeds retry}
 *                       turns it back on), or {@code null} while it is on; a turned-off feed is not polled for
 *                       the chat and brings it no alerts
 * @param disabledReason the feed's last failure when it was turned off (one line), or {@code null}
 */
public record ChatFeed(Platform platform, String chatId, String url, String addedBy, Instant addedAt,
                       Duration interval, Instant disabledAt, String disabledReason) {
    public ChatFeed {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(addedAt, "addedAt");
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("a chat feed's interval must be positive, got " + interval);
        }
    }

    /** A chat feed that is on (not turned off for failing). */
    public ChatFeed(Platform platform, String chatId, String url, String addedBy, Instant addedAt,
                    Duration interval) {
        this(platform, chatId, url, addedBy, addedAt, interval, null, null);
    }

    /** @return whether the feed was turned off for this chat ({@link #disabledAt()} is set) */
    public boolean disabled() {
        return disabledAt != null;
    }

    /** A chat feed polled at {@code poll.interval} (no interval of its own). */
    public ChatFeed(Platform platform, String chatId, String url, String addedBy, Instant addedAt) {
        this(platform, chatId, url, addedBy, addedAt, null);
    }
}
