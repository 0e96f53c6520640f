package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import newsalert.config.FeedConfig;
import newsalert.store.CaughtStory;
import newsalert.store.EntryKey;
import newsalert.store.LockedStories;
import newsalert.store.FeedState;
import newsalert.store.FeedWrite;
import newsalert.store.NewsStore;
import newsalert.store.PriorState;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the entries of one successful feed read in three steps: reads once what the store knows about them
 * ({@link NewsStore#priorState}), decides with {@link FeedDecision} (unchanged entries skipped before analysis),
 * and has the store apply the decision with the feed's new state in one transaction ({@link NewsStore#apply}).
 *
 * <p>Before deciding it fills in a story's source and time and gives a chat-added feed's stories ids of their own
 * ({@link ChatStoryIds}). A story without a published time takes the poll time; its source is the feed's
 * configured name, else the entry's, else the feed's title. The rules of the decision are {@link FeedDecision}'s.
 */
final class FeedEntries {
    /**
     * What one read recorded: new entries, alerts queued, chat deliveries queued, edits queued, alerted events
     * (or, without events, alerted stories) revised, and each alert's topics (one element per topic per alert).
     */
    record Tally(int fresh, int queued, int routed, int edits, int revised, List<Topic> alertTopics) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final NewsStore store;
    private final FeedDecision decision;
    private final EventTracker events;
    /**
     * Whether other instances may store stories now (the catch-up read is skipped while not); {@code null} for a
     * store no other instance uses ({@code scan}): decisions then take no story lock and read nothing back.
     */
    private final BooleanSupplier shared;

    /**
     * Records for a store that this process alone uses ({@code scan}): no story lock, no catch-up.
     *
     * @param events the event memory, or {@code null} when events are off
     * @param cut    {@code analysis.alert-severity} for the words of a decision, or a negative number when
     *               unknown
     */
    FeedEntries(NewsStore store, Function<Story, Assessment> assessor, Duration maxAge, EventTracker events,
                int cut) {
        this(store, assessor, maxAge, events, cut, null);
    }

    /**
     * Records for a store other {@code run} instances may share (issue 14): with events, a configured feed's read
     * is decided under the store's story lock ({@link NewsStore#applyDecided}) after the event memory caught up
     * with the stories the others stored ({@link EventTracker#catchUp}), so no other instance stores a story of the
     * same event between that catch-up and this decision's commit.
     *
     * @param shared whether another instance may be storing stories now; while false the catch-up read is skipped
     *               (a lone instance's memory holds every story already); {@code null} as the other constructor
     */
    FeedEntries(NewsStore store, Function<Story, Assessment> assessor, Duration maxAge, EventTracker events,
                int cut, BooleanSupplier shared) {
        this.store = store;
        this.events = events;
        this.shared = shared;
        this.decision = new FeedDecision(assessor, maxAge, events, cut);
    }

    /**
     * @param firstPoll whether this is the feed's first successful read
     * @param routes    who the feed's stories go to
     * @param now       the poll time
     * @param next      the feed's state after this read, written in the same transaction as its entries
     * @return the counts of what was recorded
     * @throws newsalert.store.StoreException when the store does not take the read (nothing is written)
     */
    Tally record(FeedConfig feed, ReadResult.Read read, boolean firstPoll, ChatRoutes.Routes routes, Instant now,
                 FeedState next) {
        Outcome o = apply(feed, read, firstPoll, routes.global(), routes.cap(), routes::targets, now, next);
        for (FeedDecision.Held h : o.decision().held()) {
            LOG.info("feed {}: not alerted: \"{}\" ({}): {}", feed.label(), h.story().title(), h.story().id(),
                    h.decision().reason());
        }
        return o.decision().tally(o.applied());
    }

    /**
     * What one read decided and what applying it did.
     *
     * @param entries  the read's entries as decided about (fallbacks filled in), in the read's order
     * @param decision the decision
     * @param applied  what the store did
     */
    record Outcome(List<FeedDecision.Entry> entries, FeedDecision.Decision decision, FeedWrite.Applied applied) {
    }

    /**
     * Decides about one read and has the store apply it, logging nothing ({@link #record} and {@code scan}).
     *
     * @param global whether the feed is configured
     * @param cap    a chat-added feed's cap, or {@code null}
     * @param router the targets of a story
     * @param next   the feed's state after the read, or {@code null} to leave it as it is
     * @throws newsalert.store.StoreException when the store does not take the read (nothing is written)
     */
    Outcome apply(FeedConfig feed, ReadResult.Read read, boolean firstPoll, boolean global,
                  newsalert.store.ChatFeedCap cap, FeedDecision.Router router, Instant now, FeedState next) {
        List<FeedDecision.Entry> entries = new ArrayList<>(read.stories().size());
        List<EntryKey> keys = new ArrayList<>(read.stories().size());
        for (Story raw : read.stories()) {
            Story story = withFallbacks(raw, feed, read.title(), now);
            if (!global) {
                // an id of its own: a chat-added feed never meets the configured feeds' stories, nor another feed's
                story = new Story(ChatStoryIds.of(feed.url(), raw.id()), story.source(), story.title(), story.link(),
                        story.published(), story.body(), story.image(), story.author());
            }
            String hash = ContentHash.of(raw);
            entries.add(new FeedDecision.Entry(raw.id(), story, hash));
            keys.add(new EntryKey(raw.id(), story.id(), hash));
        }
        FeedDecision.Read decided = new FeedDecision.Read(feed.url(), global, cap, firstPoll, now, entries);
        if (shared != null && events != null && global && !keys.isEmpty()) {
            return locked(feed, decided, keys, router, next);
        }
        PriorState prior = keys.isEmpty() ? PriorState.EMPTY : store.priorState(feed.url(), keys);
        FeedDecision.Decision d = decision.decide(decided, prior, router);
        FeedWrite.Applied applied = store.apply(new FeedWrite(feed.url(), d.effects(), next));
        return new Outcome(entries, d, applied);
    }

    /**
     * Decides a configured feed's read with events under the store's story lock. Outside it: one read of the
     * prior state and the analysis of the entries it shows new or changed. Inside it (one transaction): the
     * catch-up with other instances' stories, the prior state again (another instance may have stored one of these
     * stories meanwhile), the grouping and the writes. The decision changes the event memory before its write
     * commits: when the write fails or the store runs the decision again, the memory is marked
     * {@linkplain EventTracker#dirty dirty} and the next decision rebuilds it from the store first.
     */
    private Outcome locked(FeedConfig feed, FeedDecision.Read read, List<EntryKey> keys, FeedDecision.Router router,
                           FeedState next) {
        PriorState before = store.priorState(feed.url(), keys);
        Function<Story, Assessment> assessor = decision.assessor();
        Map<Story, Assessment> analysed = new IdentityHashMap<>();
        for (FeedDecision.Entry e : read.entries()) {
            if (!e.contentHash().equals(before.seen().get(e.entryId()))) {
                analysed.computeIfAbsent(e.story(), assessor);
            }
        }
        Function<Story, Assessment> known = s -> {
            Assessment a = analysed.get(s);
            return a != null ? a : assessor.apply(s);
        };
        FeedDecision.Decision[] d = new FeedDecision.Decision[1];
        FeedWrite.Applied applied = store.applyDecided(feed.url(), locked -> {
            catchUp(locked, read.now());
            PriorState prior = locked.priorState(feed.url(), keys);
            events.dirty(true);
            d[0] = decision.decide(read, prior, router, known);
            return new FeedWrite(feed.url(), d[0].effects(), next);
        });
        events.dirty(false);
        return new Outcome(read.entries(), d[0], applied);
    }

    /**
     * Brings the event memory up to the store under the story lock: rebuilt from the window's stories when a
     * decision's write was not stored ({@link EventTracker#dirty}), else offered every story other instances stored
     * since it last looked (all of them: none can be added while the lock is held), unless no other instance runs.
     */
    private void catchUp(LockedStories locked, Instant now) {
        Instant since = now.minus(events.window());
        if (events.dirty()) {
            events.reset();
            long seq = locked.lastStorySeq();
            events.rebuild(locked.storiesSince(since), locked.alertedEvents());
            events.seenSeq(seq);
            LOG.info("the event memory was rebuilt from the store: a feed decision's write was not stored");
            return;
        }
        if (!shared.getAsBoolean()) {
            return;
        }
        while (true) {
            List<CaughtStory> batch = locked.storiesAfter(events.seenSeq(), Poller.CATCH_UP_LIMIT);
            events.catchUp(batch, since);
            if (batch.size() < Poller.CATCH_UP_LIMIT) {
                return;
            }
        }
    }

    private static Story withFallbacks(Story s, FeedConfig feed, String feedTitle, Instant now) {
        String source = feed.name() != null && !feed.name().isBlank() ? feed.name()
                : !s.source().isBlank() ? s.source() : feedTitle;
        Instant published = s.published() == null ? now : s.published();
        return new Story(s.id(), source, s.title(), s.link(), published, s.body(), s.image(), s.author());
    }
}
