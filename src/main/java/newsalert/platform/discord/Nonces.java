package newsalert.platform.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;
import newsalert.store.OutboxItem;
import newsalert.subscription.Target;

/**
 * Message nonces that are the same for the same delivery across retries and restarts, so that Discord, told
 * {@code enforce_nonce: true}, answers a repeated create with the message it already made instead of posting
 * a second one. Discord keeps a nonce for a few minutes only: this covers a crash between Discord's answer
 * and the outbox recording it, not a resend hours later.
 *
 * <p>Rule: the first 8 bytes of SHA-256 over the delivery's key, as an unsigned decimal number (at most 20
 * characters; Discord allows 25). Alert key: {@code alert|<story id>|<chat id>|<channel id>}; digest key:
 * {@code digest|<chat id>|<channel id>|<row ids joined by ,>}.
 */
public final class Nonces {
    private Nonces() {
    }

    /** @return the nonce for sending {@code storyId} to {@code target} */
    public static String alert(String storyId, Target target) {
        return hash("alert|" + storyId + "|" + target.chatId() + "|" + target.threadId());
    }

    /** @return the nonce for the follow-up {@code text} replying to {@code messageId} at {@code target} */
    public static String reply(Target target, String messageId, String text) {
        return hash("reply|" + target.chatId() + "|" + target.threadId() + "|" + messageId + "|" + text);
    }

    /** @return the nonce for the digest of exactly these rows at {@code target} */
    public static String digest(Target target, List<OutboxItem> items) {
        String ids = items.stream().map(i -> Long.toString(i.id())).collect(Collectors.joining(","));
        return hash("digest|" + target.chatId() + "|" + target.threadId() + "|" + ids);
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (d[i] & 0xFF);
            }
            return Long.toUnsignedString(v);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
