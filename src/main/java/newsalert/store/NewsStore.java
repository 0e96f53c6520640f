package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Target;

/**
 * The storage port of the polling pipeline. Implementations are thread-safe; every method is one
 * transaction. Failures surface as {@link StoreException}. The poller reads what it needs once per feed read
 * ({@link #priorState}) and writes the read's decision in one transaction ({@link #apply}); the finer methods
 * below serve other callers and tests.
 */
public interface NewsStore extends AutoCloseable {

    /** @return the remembered state of the feed, empty when it was never polled */
    Optional<FeedState> feedState(String url);

    /**
     * The states of many feeds at once (the poller's "when is the next feed due", after every cycle: one query per
     * 400 feeds instead of one per feed). This default asks {@link #feedState} for each.
     *
     * @param urls feed addresses (duplicates allowed)
     * @return url → state, for the feeds that were ever polled (never-polled and claim-only ones are left out)
     */
    default java.util.Map<String, FeedState> feedStates(java.util.Collection<String> urls) {
        java.util.Map<String, FeedState> out = new java.util.HashMap<>();
        for (String url : urls) {
            feedState(url).ifPresent(s -> out.put(url, s));
        }
        return out;
    }

    /** Inserts or replaces the state of {@code state.url()} (one UPSERT). */
    void saveFeedState(FeedState state);

    /**
     * Inserts or replaces the states of several feeds in one transaction (the poller batches the states of
     * feeds that answered 304 or failed, whose reads write nothing else).
     *
     * @param states one state per feed; empty for nothing
     */
    void saveFeedStates(List<FeedState> states);

    /**
     * Claims, for this instance, those of the feeds given that are due and not held by another instance's live
     * claim, in one short writing transaction (PostgreSQL: {@code SELECT … FOR UPDATE SKIP LOCKED}, then an
     * UPDATE; SQLite: the same statements under its one writer), so that of several instances polling one
     * database each due feed is read by exactly one. A claim lapses at {@code now + ttl}; storing the feed's state
     * ({@link #apply}, {@link #saveFeedState}, {@link #saveFeedStates}) releases it in the same transaction. When no
     * feed of the batch can be claimed, nothing is written (one read).
     *
     * @param urls           the batch, feed URLs without repeats (the poller passes {@code fetch.concurrency} at a
     *                       time)
     * @param owner          this instance's id (a UUID per process start), at most 64 characters
     * @param now            the poll clock's time: a feed is due when its next poll time is not after it, a claim
     *                       lapsed when its end is not after it
     * @param ttl            how long the claim holds, positive
     * @param dueOrNot       claim feeds whether due or not ({@code run --once}); live claims still hold
     * @return the claimed feeds and the others' states
     * @throws StoreException when the store cannot be read or written; nothing is claimed then
     */
    FeedClaims claimFeeds(List<String> urls, String owner, java.time.Instant now, java.time.Duration ttl,
                          boolean dueOrNot);

    /**
     * Gives up this owner's claims of the feeds given without storing a read (reads abandoned at shutdown, or
     * states the store did not take), so that any instance may poll them at once. Claims of other owners stay.
     *
     * @param urls  feed URLs
     * @param owner the owner that claimed them
     * @throws StoreException when the store cannot be written
     */
    void releaseFeedClaims(java.util.Collection<String> urls, String owner);

    /**
     * Extends every live claim of this owner (not lapsed at {@code now}) to {@code now + ttl}, in one short
     * writing transaction: a running instance renews its feed claims every few seconds, so its claims outlive no
     * read in progress however long the read takes, and lapse soon after the instance dies.
     *
     * @param owner the owner whose claims to renew
     * @param now   the poll clock's time; claims ending at or before it stay lapsed (another instance may hold them)
     * @param ttl   the new claim time from {@code now}, positive
     * @return how many claims were renewed
     * @throws StoreException when the store cannot be written; the claims then run out on their own
     */
    int renewFeedClaims(String owner, java.time.Instant now, java.time.Duration ttl);

    /**
     * Reads, in one go, what the decision about one feed read needs: which of its entries the feed had before
     * and with which content hash, and for the stories of the others (new, or changed since) what is stored.
     *
     * @param feedUrl the feed that was read
     * @param entries the read's entries
     * @return the prior state; stories unknown to the store are absent from it
     */
    PriorState priorState(String feedUrl, List<EntryKey> entries);

    /**
     * Applies one feed read's writes and its state in <em>one</em> transaction: either all of them or, on
     * failure, none.
     *
     * @return how many edit rows each effect queued
     * @throws StoreException when the store does not take them (nothing is written)
     */
    FeedWrite.Applied apply(FeedWrite write);

    /**
     * Decides one feed read and applies its writes in <em>one</em> transaction that first takes the story lock, so
     * that no other instance on the database stores (or revises, or alerts) a story between what the decision reads
     * and its commit (issue 14: two instances' decisions about one event are serialised). PostgreSQL: the
     * transaction's advisory lock that also orders {@code story.seq}; SQLite: the database file's write lock, taken
     * by the transaction's first statement. Keep the decision short: it holds every other instance's story writes.
     *
     * <p>The store may run {@code decision} more than once (a transaction rolled back as a deadlock's victim or by
     * {@code SQLITE_BUSY} runs again whole): each run gets a fresh view of the store, and only the last run's write
     * is committed. This default has no lock: it reads and applies in separate transactions.
     *
     * @param feedUrl  the feed that was read (for the error message)
     * @param decision reads what it needs through the given view (valid only during the call) and returns the
     *                 writes
     * @return how many edit rows each effect queued
     * @throws StoreException when the store does not take the write (nothing is written), or the decision's reads
     *                        fail
     */
    default FeedWrite.Applied applyDecided(String feedUrl,
                                           java.util.function.Function<LockedStories, FeedWrite> decision) {
        return apply(decision.apply(LockedStories.unlocked(this)));
    }

    /**
     * Records one entry of a feed, its story and, when {@code alert} is true, an alert — all in one
     * transaction, so a crash leaves either all or none.
     *
     * @param feedUrl    the feed the entry came from
     * @param story      the normalized story
     * @param assessment its assessment
     * @param alert      whether to make it a global alert: its time is kept and a send row is queued for the
     *                   console target ({@link newsalert.subscription.Target#CONSOLE}); ignored when this story
     *                   id was already alerted, from any feed
     * @param firstSeen  when this poll saw it
     * @return true when the entry was new for this feed; false when it had been seen (nothing written)
     */
    default boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert,
                                Instant firstSeen) {
        return recordEntry(feedUrl, story, assessment, alert, firstSeen, List.of());
    }

    /**
     * Like {@link #recordEntry(String, Story, Assessment, boolean, Instant)}, and in the same transaction
     * writes one pending outbox row per routed target (see {@link SubscriptionStore}). Rows are written
     * only when the entry is new for the feed, whatever {@code alert} says (the router has decided), and a
     * target that already has a row for this story id (from another feed) gets no second one. Either
     * everything is written or, on failure, nothing.
     *
     * @param targets the targets from {@link newsalert.subscription.Router}; duplicates are ignored; empty
     *                for none
     * @return true when the entry was new for this feed; false when it had been seen (nothing written)
     */
    boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert, Instant firstSeen,
                        List<Target> targets);

    /**
     * Records one entry of a feed that only chats added (not a configured feed), with its targets' outbox rows,
     * in one transaction: like {@link #recordEntry(String, Story, Assessment, boolean, Instant, List)} with
     * {@code alert} false. The entry is seen under {@code entryId} (the feed's own id for it), the story is
     * stored under {@code story.id()} (the poller gives chat feeds' stories ids of their own,
     * {@code pipeline.ChatStoryIds}). A story first stored here is <em>chat-only</em>: {@link StoryQueries}
     * shows it only to the chats that added its feed or that have an outbox row for it. (A story id that is
     * also recorded by one of the {@code recordEntry} methods becomes shared; with the poller's own ids that
     * happens only to stories stored before those ids existed.)
     *
     * @param entryId the entry's id as its feed gives it; the entry counts as seen when the feed had it before
     * @return true when the entry was new for this feed; false when it had been seen (nothing written)
     */
    default boolean recordChatEntry(String feedUrl, String entryId, Story story, Assessment assessment,
                                    Instant firstSeen, List<Target> targets) {
        return recordChatEntry(feedUrl, entryId, story, assessment, firstSeen, targets, null);
    }

    /**
     * Like {@link #recordChatEntry(String, String, Story, Assessment, Instant, List)}, and each target's row first
     * passes the feed's cap in the same transaction: past the cap it is held until its hour ends (then sent in
     * one digest), and the first held row of an hour queues a notice to the target ({@link ChatFeedCap}).
     *
     * @param cap the cap, or {@code null} for none
     */
    boolean recordChatEntry(String feedUrl, String entryId, Story story, Assessment assessment, Instant firstSeen,
                            List<Target> targets, ChatFeedCap cap);

    /**
     * Records a later version of a stored story (a feed re-published an entry under the same id, e.g. with a
     * higher death toll). When the new assessment's casualty counts or topics differ from the stored ones,
     * the stored story and assessment are replaced (first-seen time and alert flag kept) and, in the same
     * transaction, every target whose alert for the story was sent gets one pending {@link OutboxKind#EDIT}
     * row. Changes in wording alone are not recorded.
     *
     * @param story      the new version (same id as the stored one)
     * @param assessment its assessment
     * @param at         when this poll saw it
     * @return the targets that got an edit row; empty when the story is unknown, unchanged in counts and
     *         topics, or was not sent anywhere
     */
    List<Target> reviseStory(Story story, Assessment assessment, Instant at);

    /**
     * Like {@link #reviseStory}, for an entry republished by a chat-added feed: only a chat-only story is
     * revised. A story every chat can see (it also came from a configured feed) is left as it is, so a feed
     * any user can add cannot rewrite, and queue edits of, the alerts other chats were sent.
     *
     * @return the targets that got an edit row; empty also when the story is shared
     */
    default List<Target> reviseChatStory(Story story, Assessment assessment, Instant at) {
        return reviseChatStory(story, assessment, at, null, null);
    }

    /**
     * Like {@link #reviseChatStory(Story, Assessment, Instant)}, and each edit row (a toll update) first passes
     * the cap of the feed that republished the entry, as in
     * {@link #recordChatEntry(String, String, Story, Assessment, Instant, List, ChatFeedCap)}: a held edit
     * goes in the hour's digest, showing the story as stored then.
     *
     * @param feedUrl the chat-added feed that republished it (the cap's window key); may be {@code null} when
     *                {@code cap} is
     * @param cap     the cap, or {@code null} for none
     * @return the targets that got an edit row, held or not
     */
    List<Target> reviseChatStory(Story story, Assessment assessment, Instant at, String feedUrl, ChatFeedCap cap);

    /**
     * Like {@link #recordEntry(String, Story, Assessment, boolean, Instant, List)}, and in the same transaction
     * records the story's event: {@code story.event_id} is set to {@code eventId}, and when {@code view} is
     * given (the story's alert stands for the event) the event row is written with the view, so the outbox
     * rows written here render the event's facts.
     *
     * @param eventId the story's event, or {@code null} for none
     * @param view    the event view when this story alerts for its event, else {@code null}
     */
    boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert, Instant firstSeen,
                        List<Target> targets, String eventId, EventView view);

    /**
     * Replaces an alerted event's view (its fused counts, topics or quotes changed) and, in the same
     * transaction, queues one {@link OutboxKind#EDIT} row for every target whose alert for the event was sent
     * (and has no edit pending yet).
     *
     * @return the targets that got an edit row; empty when the event has no row (was never alerted)
     */
    List<Target> reviseEvent(EventView view, Instant at);

    /**
     * Like {@link #reviseEvent(EventView, Instant)}, and each target that gets an edit also gets a
     * {@link OutboxKind#REPLY} row after it with {@code followUp} as text, in the same transaction.
     *
     * @param followUp the reply's text (one short line), or {@code null} for none
     */
    List<Target> reviseEvent(EventView view, Instant at, String followUp);

    /**
     * @return whether the stored story's own assessment was alert-worthy when last stored; empty when the
     *         story is unknown
     */
    Optional<Boolean> storedAlertWorthy(String storyId);

    /**
     * Alerts a story that was stored before without an alert (a feed republished the entry and it is now
     * alert-worthy, e.g. "explosions heard" became "missile strike kills 25"): in one transaction the stored
     * story is replaced, marked alert-worthy, gets its alert, its event link and view, and the targets' outbox
     * rows (a target with a row for the story already gets none).
     *
     * @return false when the story is unknown (nothing written)
     */
    boolean alertRevisedStory(Story story, Assessment assessment, Instant at, List<Target> targets, String eventId,
                              EventView view);

    /** @return alerted events: event id → the id of the story that stands for it */
    java.util.Map<String, String> alertedEvents();

    /**
     * @param since earliest published time (first-seen time when the story had none)
     * @return shared stories (not chat-only, see {@link #recordChatEntry}) published at or after {@code since},
     *         oldest first, with their own assessments: the input to rebuild the event grouping after a
     *         restart (stories of chat-added feeds never join events)
     */
    List<StoredStory> storiesSince(Instant since);

    /**
     * The shared stories stored (or made shared) after {@code afterSeq}, in the order they were: what other
     * instances on the same database stored since this one last looked. One indexed read ({@code story.seq > ?});
     * cheap when nothing is new.
     *
     * @param afterSeq the highest {@code seq} already seen; 0 for all
     * @param limit    most stories returned, at least 1 (the rest come with the next call)
     * @return the stories, lowest seq first, each with its event link and the alerted event it stands for
     */
    List<CaughtStory> storiesAfter(long afterSeq, int limit);

    /** @return the highest {@code story.seq} given so far; 0 when none was */
    long lastStorySeq();

    /** @return how many entries have been seen for the feed */
    int seenCount(String feedUrl);

    @Override
    void close();
}
