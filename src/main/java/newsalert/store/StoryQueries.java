package newsalert.store;

import java.util.List;
import java.util.Optional;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/**
 * Read-side lookups over stored stories and alerts, for chat commands ({@code latest}, {@code search},
 * {@code story}, {@code why}). Implementations are thread-safe; failures surface as {@link StoreException}.
 */
public interface StoryQueries {

    /**
     * @param limit how many, at most (callers cap it; values below 1 give an empty list)
     * @param topic only stories with this topic, or {@code null} for any
     * @return the most recent alerted stories, newest alert first
     */
    List<StoredStory> latestAlerts(int limit, Topic topic);

    /**
     * Finds stories whose title contains every one of the words, case-insensitively (ASCII case folding on
     * SQLite), as plain substrings: {@code %} and {@code _} in the words match themselves.
     *
     * @param words one or more words; blank words are ignored; none gives an empty list
     * @param limit how many, at most
     * @return matching stories, most recently seen first
     *         (several stories of one alerted event are listed once, as the event)
     */
    List<StoredStory> searchTitles(List<String> words, int limit);

    /** @return the stored story with this id, if any */
    Optional<StoredStory> story(String id);

    /**
     * @return the status of the story's outbox row for the target (one forum topic or the chat itself),
     *         empty when the story was never routed there
     */
    Optional<OutboxStatus> delivery(String storyId, Target target);
}
