package newsalert.store;

import java.util.Objects;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * One chat (a Telegram chat, a Discord channel, the console) as a unit of shared delivery: an instance that
 * holds a chat's claim sends every pending outbox row of that chat, in all its forum topics, and no other
 * instance does until the claim lapses ({@link SubscriptionStore#claimChats}).
 *
 * @param platform the chat's platform
 * @param chatId   the platform's chat id, as in {@link Target#chatId()}
 */
public record ChatClaim(Platform platform, String chatId) {
    public ChatClaim {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
    }

    /** @return the chat the target lies in */
    public static ChatClaim of(Target target) {
        return new ChatClaim(target.platform(), target.chatId());
    }
}
