package newsalert.subscription;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How one chat wants to see its alerts, whatever its forum topics or channels subscribe to. Moderators change
 * it with {@code timezone}, {@code quiet-hours}, {@code pictures} and {@code brief}; a chat that never did has
 * {@link #defaults}. On Discord the chat is the server (guild), as for keyword rules.
 *
 * @param platform   the platform
 * @param chatId     the chat (Telegram chat id, Discord guild id or DM channel id)
 * @param zone       the zone every time shown in the chat is written in; UTC by default
 * @param quietHours the window in which alerts go out silently, or {@code null} for none
 * @param pictures   whether alerts carry the story's picture from the feed (on by default)
 * @param brief      the local time (in {@code zone}) of the chat's daily brief, or {@code null} for none (the default)
 */
public record ChatSettings(Platform platform, String chatId, ZoneId zone, QuietHours quietHours, boolean pictures,
                           LocalTime brief) {
    /** The lowest severity that still notifies during quiet hours. */
    public static final int LOUD_IN_QUIET_HOURS = 90;

    public ChatSettings {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        zone = zone == null ? ZoneOffset.UTC : zone;
        brief = brief == null ? null : brief.withSecond(0).withNano(0);
    }

    /** Settings without a daily brief. */
    public ChatSettings(Platform platform, String chatId, ZoneId zone, QuietHours quietHours, boolean pictures) {
        this(platform, chatId, zone, quietHours, pictures, null);
    }

    /** @return the settings of a chat that never changed any: UTC, no quiet hours, pictures on */
    public static ChatSettings defaults(Platform platform, String chatId) {
        return new ChatSettings(platform, chatId, ZoneOffset.UTC, null, true);
    }

    /** @return whether {@code at}, read in the chat's zone, falls inside its quiet hours */
    public boolean quietAt(Instant at) {
        return quietHours != null && quietHours.contains(at.atZone(zone).toLocalTime());
    }

    /** @return a copy with another zone */
    public ChatSettings withZone(ZoneId z) {
        return new ChatSettings(platform, chatId, z, quietHours, pictures, brief);
    }

    /** @return a copy with other quiet hours ({@code null} for none) */
    public ChatSettings withQuietHours(QuietHours q) {
        return new ChatSettings(platform, chatId, zone, q, pictures, brief);
    }

    /** @return a copy with pictures on or off */
    public ChatSettings withPictures(boolean on) {
        return new ChatSettings(platform, chatId, zone, quietHours, on, brief);
    }

    /** @return a copy with the daily brief at this local time, or none for {@code null} */
    public ChatSettings withBrief(LocalTime at) {
        return new ChatSettings(platform, chatId, zone, quietHours, pictures, at);
    }
}
