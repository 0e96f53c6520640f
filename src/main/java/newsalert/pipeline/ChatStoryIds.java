package newsalert.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Story ids for entries of chat-added feeds. Configured feeds' stories keep the entry's own id (guid, link
 * or hash, see {@code feed.StoryMapper}), shared by every outlet that republishes it; a chat-added feed's
 * entry gets an id of its own, derived from the feed URL and the entry id, so that a feed any user can add
 * never meets a configured story under the same id: it cannot pre-empt, rewrite or edit the story and
 * alerts other chats receive, nor another chat's feed's stories.
 *
 * <p>Shape: {@code "c-"} followed by the first 20 hex digits (80 bits) of SHA-256 over
 * {@code feedUrl + "\n" + entryId} (UTF-8). The same feed URL and entry id always give the same id, so
 * two chats that add the same feed share its stories.
 */
public final class ChatStoryIds {
    private static final int HEX_DIGITS = 20;

    private ChatStoryIds() {
    }

    /**
     * @param feedUrl the chat-added feed's URL, as stored in {@code chat_feed}
     * @param entryId the entry's id as the feed gives it
     * @return the story id for that entry, e.g. {@code "c-3fa2c81b09d4e5f60718"}
     */
    public static String of(String feedUrl, String entryId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((feedUrl + "\n" + entryId).getBytes(StandardCharsets.UTF_8));
            return "c-" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
