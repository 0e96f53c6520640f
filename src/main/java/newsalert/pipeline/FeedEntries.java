package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import newsalert.config.FeedConfig;
import newsalert.store.EntryKey;
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

    /**
     * @param events the event memory, or {@code null} when events are off
     * @param cut    {@code analysis.alert-severity} for the words of a decision, or a negative number when
     *               unknown
     */
    FeedEntries(NewsStore store, Function<Story, Assessment> assessor, Duration maxAge, EventTracker events,
                int cut) {
        this.store = store;
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
        PriorState prior = keys.isEmpty() ? PriorState.EMPTY : store.priorState(feed.url(), keys);
        FeedDecision.Decision d = decision.decide(
                new FeedDecision.Read(feed.url(), global, cap, firstPoll, now, entries), prior, router);
        FeedWrite.Applied applied = store.apply(new FeedWrite(feed.url(), d.effects(), next));
        return new Outcome(entries, d, applied);
    }

    private static Story withFallbacks(Story s, FeedConfig feed, String feedTitle, Instant now) {
        String source = feed.name() != null && !feed.name().isBlank() ? feed.name()
                : !s.source().isBlank() ? s.source() : feedTitle;
        Instant published = s.published() == null ? now : s.published();
        return new Story(s.id(), source, s.title(), s.link(), published, s.body(), s.image(), s.author());
    }
}
