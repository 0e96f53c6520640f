package newsalert.config;

import java.time.Duration;

/**
 * Feeds that chats add with {@code feeds add} ({@code chat-feeds.*}).
 *
 * @param allowPrivateAddresses whether such feeds may live on loopback, private or link-local addresses
 *                              ({@code chat-feeds.allow-private-addresses}, default {@code false}); turn it on
 *                              only when self-hosting and every chat member is trusted, since it lets chat
 *                              moderators make the bot fetch from your internal network
 * @param maxAlertsPerHour      most new alerts plus toll updates one chat-added feed sends one chat (or forum
 *                              topic) within an hour ({@code chat-feeds.max-alerts-per-hour}, default 10, 1 to
 *                              1000); the rest of that hour are held and sent as one digest when it ends, and the
 *                              chat is told once why. Configured feeds are not capped
 * @param addWait               how long {@code feeds add} waits for its check before answering "Checking…" and
 *                              sending the answer later as a notice ({@code chat-feeds.add-wait}, default 2s, 0s to
 *                              {@link #MAX_ADD_WAIT}; 0s hands every check over at once)
 */
public record ChatFeedsConfig(boolean allowPrivateAddresses, int maxAlertsPerHour, Duration addWait) {
    /** The value when the key is absent. */
    public static final int DEFAULT_MAX_ALERTS_PER_HOUR = 10;
    /** {@code chat-feeds.add-wait} when the key is absent. */
    public static final Duration DEFAULT_ADD_WAIT = Duration.ofSeconds(2);
    /** The longest {@code chat-feeds.add-wait}: a command thread is held that long per chat checking a feed. */
    public static final Duration MAX_ADD_WAIT = Duration.ofSeconds(10);

    /** {@code addWait} {@code null} (absent from an older config tree) reads as {@link #DEFAULT_ADD_WAIT}. */
    public ChatFeedsConfig {
        if (addWait == null) {
            addWait = DEFAULT_ADD_WAIT;
        }
    }

    /** Settings with the default cap. */
    public ChatFeedsConfig(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, DEFAULT_MAX_ALERTS_PER_HOUR);
    }

    /** Settings with the default add wait. */
    public ChatFeedsConfig(boolean allowPrivateAddresses, int maxAlertsPerHour) {
        this(allowPrivateAddresses, maxAlertsPerHour, DEFAULT_ADD_WAIT);
    }
}
