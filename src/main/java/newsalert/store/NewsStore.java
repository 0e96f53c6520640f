package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * The storage port of the polling pipeline. Implementations are thread-safe; every method is one
 * transaction. Failures surface as {@link StoreException}.
 */
public interface NewsStore extends AutoCloseable {

    /** @return the remembered state of the feed, empty when it was never polled */
    Optional<FeedState> feedState(String url);

    /** Inserts or replaces the state of {@code state.url()}. */
    void saveFeedState(FeedState state);

    /**
     * Records one entry of a feed, its story and, when {@code alert} is true, an alert — all in one
     * transaction, so a crash leaves either all or none.
     *
     * @param feedUrl    the feed the entry came from
     * @param story      the normalized story
     * @param assessment its assessment
     * @param alert      whether to queue an alert for it (ignored when this story id was already alerted,
     *                   from any feed)
     * @param firstSeen  when this poll saw it
     * @return true when the entry was new for this feed; false when it had been seen (nothing written)
     */
    boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert, Instant firstSeen);

    /** @return alerts not yet delivered, oldest first, at most {@code limit} */
    List<PendingAlert> pendingAlerts(int limit);

    /** Marks an alert delivered; delivering it again is then never attempted. */
    void markDelivered(long alertId, Instant at);

    /** @return how many entries have been seen for the feed */
    int seenCount(String feedUrl);

    @Override
    void close();
}
