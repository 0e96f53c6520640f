package newsalert.store;

import java.util.List;
import java.util.Optional;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/**
 * Read-side lookups over stored stories and alerts, for chat commands ({@code latest}, {@code search},
 * {@code story}, {@code why}). Implementations are thread-safe; failures surface as {@link StoreException}.
 *
 * <p>Scope: the lookups answer for one chat, given as a {@link Target} of which only the platform and chat id
 * count (every forum topic or Discord channel of the chat sees the same). A chat sees every <em>shared</em>
 * story (one that came from a configured feed) and the <em>chat-only</em> stories (see
 * {@link NewsStore#recordChatEntry}) of feeds it added itself (its {@code feeds add} list now) or that were
 * routed to it (it has an outbox row for them, whatever their status). Other chat-only stories do not exist
 * for it.
 */
public interface StoryQueries {

    /**
     * @param chat  the asking chat (its thread id is ignored)
     * @param limit how many, at most (callers cap it; values below 1 give an empty list)
     * @param topic only stories with this topic, or {@code null} for any
     * @return the most recent global alerts together with the chat-only stories routed to this chat, newest
     *         first (by when the alert, or the chat's first outbox row, was queued)
     */
    List<StoredStory> latestAlerts(Target chat, int limit, Topic topic);

    /**
     * Finds stories visible to the chat whose title contains every one of the words, case-insensitively
     * (ASCII case folding on SQLite), as plain substrings: {@code %} and {@code _} in the words match
     * themselves.
     *
     * @param chat  the asking chat (its thread id is ignored)
     * @param words one or more words; blank words are ignored; none gives an empty list
     * @param limit how many, at most
     * @return matching stories, most recently seen first
     *         (several stories of one alerted event are listed once, as the event)
     */
    List<StoredStory> searchTitles(Target chat, List<String> words, int limit);

    /**
     * @param chat the asking chat (its thread id is ignored)
     * @return the stored story with this id, if any and visible to the chat (empty alike for an unknown id and
     *         for another chat's chat-only story)
     */
    Optional<StoredStory> story(Target chat, String id);

    /**
     * @return the status of the story's outbox row for the target (one forum topic or the chat itself),
     *         empty when the story was never routed there
     */
    Optional<OutboxStatus> delivery(String storyId, Target target);
}
