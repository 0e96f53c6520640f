package newsalert.config;

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
 */
public record ChatFeedsConfig(boolean allowPrivateAddresses, int maxAlertsPerHour) {
    /** The value when the key is absent. */
    public static final int DEFAULT_MAX_ALERTS_PER_HOUR = 10;

    /** Settings with the default cap. */
    public ChatFeedsConfig(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, DEFAULT_MAX_ALERTS_PER_HOUR);
    }
}
