package newsalert.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The cap on what one chat-added feed sends one target ({@code chat-feeds.max-alerts-per-hour}). Per
 * (feed, target) the store keeps a window that opens with the first row it lets through and lasts
 * {@code window}: within it the first {@code maxRows} new alerts and toll updates (send and edit rows) go as
 * usual, every later one is held until the window ends, when the delivery worker sends the target's held rows
 * as one digest; the first held row of a window also queues one notice row with {@code notice}'s text. A
 * window that has ended is replaced by a new one at the next row. Windows and held rows are stored, so a
 * restart keeps both. Configured feeds are never capped.
 *
 * @param maxRows most rows let through per window; at least 1
 * @param window  the window's length (one hour for the config key)
 * @param notice  the notice's text (plain words: the feed, the setting and when the digest comes), given the
 *                end of the window, when the held rows go, and the time zone of the chat it goes to (its
 *                {@code timezone} setting; UTC for a chat that set none), so the time is written as the chat
 *                reads its other times
 */
public record ChatFeedCap(int maxRows, Duration window, BiFunction<Instant, ZoneId, String> notice) {
    public ChatFeedCap {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(notice, "notice");
    }

    /** A cap whose notice does not depend on the chat's time zone. */
    public ChatFeedCap(int maxRows, Duration window, Function<Instant, String> notice) {
        this(maxRows, window, (end, zone) -> notice.apply(end));
    }
}
