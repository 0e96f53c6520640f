package newsalert.store;

import java.time.Instant;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Target;

/**
 * One outbox row: a story to deliver to one target.
 *
 * @param id            the row id; increases in creation order, which is the delivery order per target
 * @param target        where it goes
 * @param story         the story, as stored; {@code null} for a notice tied to no story (a feed-health notice)
 * @param assessment    its assessment, as stored; {@code null} when {@code story} is
 * @param severity      the severity at routing time (0–100), for digests under backlog
 * @param status        where it stands
 * @param attempts      delivery attempts made so far
 * @param nextAttemptAt earliest time of the next attempt, or {@code null} for "as soon as possible"
 * @param lastError     one-line reason of the last failed attempt, or {@code null}
 * @param messageId     the platform's id of the sent message, or {@code null} before it is sent
 * @param createdAt     when it was routed
 * @param sentAt        when it was delivered, or {@code null}
 * @param kind          whether the row sends a new message, edits the one sent earlier for the story, or
 *                      replies to it
 * @param note          the text of a {@link OutboxKind#REPLY} row, else {@code null}
 * @param digestId      the digest the row was merged into before that digest's first try (the id of the
 *                      digest's first row), or {@code null} for a row that goes on its own
 * @param storyRevision the story's revision as read with the row (in the same statement as {@code story}): the
 *                      revision a send or edit of this row shows; 0 before the story's first revision or without a
 *                      story
 * @param revision      for an {@link OutboxKind#EDIT} or {@link OutboxKind#REPLY} row, the story revision it was
 *                      queued for (1 and up); 0 for other rows and for rows queued before revisions were counted
 */
public record OutboxItem(long id, Target target, Story story, Assessment assessment, int severity,
                         OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError,
                         String messageId, Instant createdAt, Instant sentAt, OutboxKind kind, String note,
                         Long digestId, long storyRevision, long revision) {
    public OutboxItem {
        kind = kind == null ? OutboxKind.SEND : kind;
    }

    /** A row of a story not revised yet, queued for no revision. */
    public OutboxItem(long id, Target target, Story story, Assessment assessment, int severity, OutboxStatus status,
                      int attempts, Instant nextAttemptAt, String lastError, String messageId, Instant createdAt,
                      Instant sentAt, OutboxKind kind, String note, Long digestId) {
        this(id, target, story, assessment, severity, status, attempts, nextAttemptAt, lastError, messageId,
                createdAt, sentAt, kind, note, digestId, 0, 0);
    }

    /** A row that belongs to no digest. */
    public OutboxItem(long id, Target target, Story story, Assessment assessment, int severity, OutboxStatus status,
                      int attempts, Instant nextAttemptAt, String lastError, String messageId, Instant createdAt,
                      Instant sentAt, OutboxKind kind, String note) {
        this(id, target, story, assessment, severity, status, attempts, nextAttemptAt, lastError, messageId,
                createdAt, sentAt, kind, note, null);
    }

    /** A row without a note (a send or an edit). */
    public OutboxItem(long id, Target target, Story story, Assessment assessment, int severity, OutboxStatus status,
                      int attempts, Instant nextAttemptAt, String lastError, String messageId, Instant createdAt,
                      Instant sentAt, OutboxKind kind) {
        this(id, target, story, assessment, severity, status, attempts, nextAttemptAt, lastError, messageId,
                createdAt, sentAt, kind, null);
    }
}
