package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Target;

/**
 * Everything one feed read writes, decided beforehand by the poller ({@code pipeline.FeedDecision}) and applied by
 * {@link NewsStore#apply} in one transaction, in list order, then the feed's state.
 *
 * @param feedUrl the feed that was read
 * @param effects the writes, in order
 * @param state   the feed's state after the read, or {@code null} to leave it as it is
 */
public record FeedWrite(String feedUrl, List<Effect> effects, FeedState state) {
    public FeedWrite {
        Objects.requireNonNull(feedUrl, "feedUrl");
        effects = List.copyOf(effects);
    }

    /** One write. */
    public sealed interface Effect {
    }

    /** The feed's entry is seen from now on, with its content hash. */
    public record SeeEntry(String entryId, String contentHash, Instant at) implements Effect {
    }

    /** A seen entry's content changed (or had no hash yet): its stored hash is replaced. */
    public record RehashEntry(String entryId, String contentHash) implements Effect {
    }

    /**
     * Inserts a story new to the store with its own assessment.
     *
     * @param chatOnly whether it comes from a chat-added feed only
     */
    public record InsertStory(Story story, Assessment assessment, Instant at, boolean chatOnly) implements Effect {
    }

    /** A stored story arrived from a configured feed: every chat may see it from now on. */
    public record ShareStory(String storyId) implements Effect {
    }

    /**
     * Replaces a stored story's title, severity, topics and content (a republished version whose counts or
     * topics changed); its first-seen time and alert-worthy flag are kept.
     */
    public record ReviseStory(Story story, Assessment assessment) implements Effect {
    }

    /**
     * Replaces a stored story that was not alert-worthy and now is, marks it alert-worthy and gives it a global
     * alert when it has none.
     */
    public record AlertRevisedStory(Story story, Assessment assessment, Instant at) implements Effect {
    }

    /** Sets the story's event. */
    public record LinkEvent(String storyId, String eventId) implements Effect {
    }

    /** Writes an alerted event's row with its view (inserted, or its view replaced). */
    public record SaveEventView(EventView view, Instant at) implements Effect {
    }

    /** Queues the story's global alert (console, {@code latest}) unless it has one. */
    public record GlobalAlert(String storyId, Instant at) implements Effect {
    }

    /**
     * One pending send row per distinct target that has none for the story yet.
     *
     * @param cap the chat-added feed's cap the rows pass, or {@code null} for none
     */
    public record Sends(String storyId, int severity, List<Target> targets, Instant at, ChatFeedCap cap)
            implements Effect {
        public Sends {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One pending edit row per target that was sent the story's alert and has no edit of it pending; the number
     * of rows is this effect's count in {@link Applied}.
     *
     * @param cap the chat-added feed's cap the rows pass, or {@code null} for none
     */
    public record Edits(String storyId, int severity, Instant at, ChatFeedCap cap) implements Effect {
    }

    /**
     * Replaces an alerted event's view and, when its row exists, queues edits of its sent alerts (and, with a
     * follow-up, one reply after each edit); the number of edit rows is this effect's count in {@link Applied}.
     *
     * @param followUp the reply's text, or {@code null} for none
     */
    public record ReviseEvent(EventView view, Instant at, String followUp) implements Effect {
    }

    /**
     * What applying a write did.
     *
     * @param rows per effect, in order: the edit rows an {@link Edits} or {@link ReviseEvent} queued; 0 for the
     *             others
     */
    public record Applied(List<Integer> rows) {
        public Applied {
            rows = List.copyOf(rows);
        }
    }
}
