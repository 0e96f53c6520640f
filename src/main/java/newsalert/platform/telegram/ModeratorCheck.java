package newsalert.platform.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Decides whether the sender of a command may manage the chat. Rule: in a private chat, yes (the chat is
 * the user's); a channel post, yes (only admins can post in a channel); in a group or supergroup, a message
 * sent on behalf of the group itself (an anonymous admin) yes, one sent on behalf of another chat no, and a
 * user yes when {@code getChatMember} says "creator" or "administrator". Answers from Telegram are cached
 * per (chat, user) for a short time; when the call fails the answer is {@link Answer#UNKNOWN} (logged, not
 * cached).
 */
final class ModeratorCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ModeratorCheck.class);
    private static final Set<String> MODERATOR_STATUSES = Set.of("creator", "administrator");

    private record Key(long chatId, long userId) {
    }

    /** The outcome of a check. */
    enum Answer {
        YES, NO,
        /** Telegram could not be asked (getChatMember failed): the caller should be told to try again. */
        UNKNOWN
    }

    private final TelegramClient client;
    private final TelegramSettings settings;
    private final Cache<Key, Boolean> cache;

    /** @param ttl how long a getChatMember answer is trusted */
    ModeratorCheck(TelegramClient client, TelegramSettings settings, Duration ttl) {
        this.client = client;
        this.settings = settings;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /**
     * @param m   the command message
     * @param ask whether Telegram may be asked (getChatMember); when false, a group member not already
     *            known is answered {@link Answer#NO} (used for commands anyone may run, so they cost no call)
     * @return whether the sender of {@code m} may manage its chat; see the class comment for the rule
     */
    Answer check(Message m, boolean ask) {
        Chat chat = m.getChat();
        String type = chat.getType() == null ? "" : chat.getType();
        switch (type) {
            case "private", "channel" -> {
                return Answer.YES;
            }
            case "group", "supergroup" -> {
                if (m.getSenderChat() != null) {
                    return chat.getId().equals(m.getSenderChat().getId()) ? Answer.YES : Answer.NO;
                }
                return m.getFrom() == null ? Answer.NO : isAdmin(chat.getId(), m.getFrom().getId(), ask);
            }
            default -> {
                return Answer.NO;
            }
        }
    }

    private Answer isAdmin(long chatId, long userId, boolean ask) {
        Key key = new Key(chatId, userId);
        Boolean known = cache.getIfPresent(key);
        if (known != null) {
            return known ? Answer.YES : Answer.NO;
        }
        if (!ask) {
            return Answer.NO;
        }
        try {
            ChatMember member = client.execute(new GetChatMember(String.valueOf(chatId), userId));
            boolean admin = member != null && MODERATOR_STATUSES.contains(member.getStatus());
            cache.put(key, admin);
            return admin ? Answer.YES : Answer.NO;
        } catch (TelegramApiException | RuntimeException e) {
            String reason = e instanceof TelegramApiException t ? TelegramErrors.reason(t, settings)
                    : settings.redact(String.valueOf(e));
            LOG.warn("getChatMember failed for user {} in chat {}: {}", String.valueOf(userId),
                    String.valueOf(chatId), reason);
            return Answer.UNKNOWN;
        }
    }
}
