package newsalert.config;

/**
 * Feeds that chats add with {@code feeds add} ({@code chat-feeds.*}).
 *
 * @param allowPrivateAddresses whether such feeds may live on loopback, private or link-local addresses
 *                              ({@code chat-feeds.allow-private-addresses}, default {@code false}); turn it on
 *                              only when self-hosting and every chat member is trusted, since it lets chat
 *                              moderators make the bot fetch from your internal network
 */
public record ChatFeedsConfig(boolean allowPrivateAddresses) {
}
