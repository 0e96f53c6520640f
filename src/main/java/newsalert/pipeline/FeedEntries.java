package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import newsalert.config.FeedConfig;
import newsalert.store.NewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the entries of one successful feed read: fills in a story's source and time, gives a chat-added
 * feed's stories ids of their own ({@link ChatStoryIds}), assesses each, and stores it with its alert and
 * outbox rows — through the {@link EventRecorder} for configured feeds when events are on, else directly —
 * or, for an entry seen before, hands the new version to the store's revision.
 *
 * <p>Rules (see {@link Poller}): nothing alerts or is routed on a feed's first poll, nor when the story is
 * older than {@code poll.max-age}; a chat-added feed's stories are never global alerts, never join events,
 * may revise only their own (chat-only) stories, and pass its hourly cap per target (the store holds what is
 * over it for one digest, see {@link newsalert.store.ChatFeedCap}). A story without a published time takes the poll time; its
 * source is the feed's configured name, else the entry's, else the feed's title.
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
    private final Function<Story, Assessment> assessor;
    private final Duration maxAge;
    private final EventRecorder recorder;
    private final int cut;

    /**
     * @param recorder the event recorder, or {@code null} when events are off
     * @param cut      {@code analysis.alert-severity} for the words of a decision, or a negative number when
     *                 unknown
     */
    FeedEntries(NewsStore store, Function<Story, Assessment> assessor, Duration maxAge,
                EventRecorder recorder, int cut) {
        this.store = store;
        this.assessor = assessor;
        this.maxAge = maxAge;
        this.recorder = recorder;
        this.cut = cut;
    }

    /**
     * @param firstPoll whether this is the feed's first successful read
     * @param routes    who the feed's stories go to
     * @param now       the poll time
     * @return the counts of what was recorded
     */
    Tally record(FeedConfig feed, ReadResult.Read read, boolean firstPoll, ChatRoutes.Routes routes, Instant now) {
        int fresh = 0;
        int queued = 0;
        int routed = 0;
        int edits = 0;
        int revised = 0;
        List<Topic> topics = new ArrayList<>();
        for (Story raw : read.stories()) {
            Story story = withFallbacks(raw, feed, read.title(), now);
            if (!routes.global()) {
                // an id of its own: a chat-added feed never meets the configured feeds' stories, nor another feed's
                story = new Story(ChatStoryIds.of(feed.url(), raw.id()), story.source(), story.title(), story.link(),
                        story.published(), story.body(), story.image());
            }
            Assessment a = assessor.apply(story);
            boolean recent = !story.published().isBefore(now.minus(maxAge));
            // a chat-added feed stays out of the shared events: its outlet name and figures are the chat's
            // own word, and must not revise (or hold) the alerts every other chat receives
            if (recorder != null && routes.global()) {
                EventRecorder.Recorded r = recorder.record(feed.url(), story, a, !firstPoll && recent, routes, now);
                if (r.fresh() && !firstPoll) {
                    logHeld(feed, story, a, recent ? r.held() : AlertDecision.tooOld(story.published(), maxAge));
                }
                fresh += r.fresh() ? 1 : 0;
                queued += r.alert() ? 1 : 0;
                routed += r.routed();
                edits += r.edits();
                revised += r.revised() ? 1 : 0;
                topics.addAll(r.topics());
                continue;
            }
            boolean alert = a.alert() && !firstPoll && recent && routes.global();
            List<Target> targets = !firstPoll && recent ? routes.targets(story, a) : List.of();
            // a chat-added feed's stories stay chat-only: other chats cannot list, search or look them up
            if (routes.global() ? store.recordEntry(feed.url(), story, a, alert, now, targets)
                    : store.recordChatEntry(feed.url(), raw.id(), story, a, now, targets, routes.cap())) {
                fresh++;
                routed += targets.size();
                queued += alert ? 1 : 0;
                if (alert) {
                    topics.addAll(a.topics());
                } else if (routes.global() && !firstPoll) {
                    logHeld(feed, story, a, !recent ? AlertDecision.tooOld(story.published(), maxAge)
                            : AlertDecision.belowCut(a.severity(), cut));
                }
            } else if (!firstPoll) {
                int e = (routes.global() ? store.reviseStory(story, a, now)
                        : store.reviseChatStory(story, a, now, feed.url(), routes.cap())).size();
                edits += e;
                revised += e > 0 ? 1 : 0;
            }
        }
        return new Tally(fresh, queued, routed, edits, revised, topics);
    }

    /**
     * Logs one INFO line for a new story of a configured feed that has a topic but did not alert, with the
     * decision and its deciding value (issue 16: "1 new entries, 0 alerts" alone says nothing).
     */
    private static void logHeld(FeedConfig feed, Story story, Assessment a, AlertDecision decision) {
        if (decision != null && !a.topics().isEmpty()) {
            LOG.info("feed {}: not alerted: \"{}\" ({}): {}", feed.label(), story.title(), story.id(),
                    decision.reason());
        }
    }

    private static Story withFallbacks(Story s, FeedConfig feed, String feedTitle, Instant now) {
        String source = feed.name() != null && !feed.name().isBlank() ? feed.name()
                : !s.source().isBlank() ? s.source() : feedTitle;
        Instant published = s.published() == null ? now : s.published();
        return new Story(s.id(), source, s.title(), s.link(), published, s.body(), s.image());
    }
}
