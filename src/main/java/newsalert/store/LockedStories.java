package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a feed decision may read while it holds the store's story lock ({@link NewsStore#applyDecided}): the same
 * reads as {@link NewsStore}'s methods of those names, made in the locking transaction, so no other instance stores
 * a story between them and the decision's writes. Valid only inside the decision it was given to.
 *
 * <p>Each method throws {@link StoreException} when the store cannot be read; the transaction is then rolled back.
 */
public interface LockedStories {
    /** @see NewsStore#storiesAfter */
    List<CaughtStory> storiesAfter(long afterSeq, int limit);

    /** @see NewsStore#lastStorySeq */
    long lastStorySeq();

    /** @see NewsStore#storiesSince */
    List<StoredStory> storiesSince(Instant since);

    /** @see NewsStore#alertedEvents */
    Map<String, String> alertedEvents();

    /** @see NewsStore#priorState */
    PriorState priorState(String feedUrl, List<EntryKey> entries);

    /**
     * The reads of a store made one by one, each its own transaction (no lock): for a store without one.
     *
     * @param store the store to read
     * @return its reads as {@link LockedStories}
     */
    static LockedStories unlocked(NewsStore store) {
        return new LockedStories() {
            @Override
            public List<CaughtStory> storiesAfter(long afterSeq, int limit) {
                return store.storiesAfter(afterSeq, limit);
            }

            @Override
            public long lastStorySeq() {
                return store.lastStorySeq();
            }

            @Override
            public List<StoredStory> storiesSince(Instant since) {
                return store.storiesSince(since);
            }

            @Override
            public Map<String, String> alertedEvents() {
                return store.alertedEvents();
            }

            @Override
            public PriorState priorState(String feedUrl, List<EntryKey> entries) {
                return store.priorState(feedUrl, entries);
            }
        };
    }
}
