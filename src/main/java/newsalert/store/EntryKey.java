package newsalert.store;

import java.util.Objects;

/**
 * One entry of a feed read, as the store needs it to say what it knows before the poller decides: the entry's
 * own id in its feed, the id its story is stored under, and the hash of its content.
 *
 * @param entryId     the entry's id as its feed gives it (the seen-entry key with the feed URL)
 * @param storyId     the id its story is (or would be) stored under; differs from {@code entryId} for a
 *                    chat-added feed's entries
 * @param contentHash the hash of the entry's title, link, published time and body (hex, at most 64
 *                    characters)
 */
public record EntryKey(String entryId, String storyId, String contentHash) {
    public EntryKey {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
