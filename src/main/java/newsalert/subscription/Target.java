package newsalert.subscription;

import java.util.Objects;

/**
 * One place alerts are delivered to.
 *
 * <p>Keying per platform. Telegram: {@code chatId} is the chat, {@code threadId} the forum topic
 * ({@code message_thread_id}) or {@code null}. Discord: {@code chatId} is the guild (server) id and
 * {@code threadId} the channel id, so that moderators' keyword rules and feeds, which belong to a chat, are
 * per server, while subscriptions, which belong to a target, are per channel; a direct message has the DM
 * channel id as {@code chatId} and no {@code threadId}.
 *
 * @param platform the platform
 * @param chatId   the platform's chat id as a string (Telegram chat ids are signed 64-bit numbers; Discord
 *                 snowflakes are kept as text too), never blank
 * @param threadId the Telegram forum topic or the Discord channel inside the chat, or {@code null} for the
 *                 chat itself; a blank value is normalised to {@code null}
 */
public record Target(Platform platform, String chatId, String threadId) {
    public Target {
        Objects.requireNonNull(platform, "platform");
        if (chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("chatId is required");
        }
        threadId = threadId == null || threadId.isBlank() ? null : threadId;
    }

    /**
     * The console's one target: the process's standard output in console mode, the log in chat mode. Every
     * global alert (what {@code latest} lists) gets an outbox row for it, so the console is served by the same
     * outbox and delivery loop as the chats, edits and follow-ups included.
     */
    public static final Target CONSOLE = new Target(Platform.CONSOLE, "stdout", null);

    /** @return a target for a whole chat (no forum topic) */
    public static Target chat(Platform platform, String chatId) {
        return new Target(platform, chatId, null);
    }

    /** @return whether this target lies in the given chat (in any of its forum topics, or the chat itself) */
    public boolean sameChat(Platform otherPlatform, String otherChatId) {
        return platform == otherPlatform && chatId.equals(otherChatId);
    }
}
