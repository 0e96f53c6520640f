package newsalert.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * The shapes the daily brief (issue 18 item 5) reads from and writes to the store: chats with a brief, the events a
 * target was alerted to in a time window, and the outbox rows of one day's brief. See
 * {@link SubscriptionStore#briefChats()}, {@link SubscriptionStore#dueBriefChats}, {@link SubscriptionStore#briefEvents},
 * {@link SubscriptionStore#queueBrief}, {@link SubscriptionStore#queueBriefs} and {@link SubscriptionStore#deferBriefs}.
 */
public final class Briefs {
    private Briefs() {
    }

    /**
     * A chat whose daily brief is on.
     *
     * @param settings the chat's settings; {@link ChatSettings#brief()} is not {@code null}
     * @param last     the local date of the last brief queued for the chat, or {@code null} for none yet
     * @param lastAt   the instant the last brief was queued (the end of the events it covered; or the start the
     *                 {@code brief} command set when it turned the brief on), or {@code null} when not recorded
     *                 (none yet, or queued before V20: then {@link #windowStart()} reads {@code last})
     * @param next     the earliest instant the chat's next brief can be due, as the scheduler last worked it out
     *                 (V25 {@code brief_next_at}), or {@code null} when not worked out since the settings changed
     * @param version  the settings row's {@code updated_at} in epoch ms as read (0 for a chat without a row): a
     *                 {@link Deferral} applies only while it is unchanged
     */
    public record Chat(ChatSettings settings, LocalDate last, Instant lastAt, Instant next, long version) {
        public Chat {
            Objects.requireNonNull(settings, "settings");
        }

        /** A chat whose next brief instant is not worked out. */
        public Chat(ChatSettings settings, LocalDate last, Instant lastAt) {
            this(settings, last, lastAt, null, 0);
        }

        /** A chat whose last brief is known by its date only (as stored before V20). */
        public Chat(ChatSettings settings, LocalDate last) {
            this(settings, last, null);
        }

        /**
         * @return where the chat's next brief starts: {@link #lastAt()}, else (a brief queued before V20) the brief
         *         time of the chat on {@link #last()}, else empty (no brief yet)
         */
        public Optional<Instant> windowStart() {
            if (lastAt != null) {
                return Optional.of(lastAt);
            }
            if (last == null || settings.brief() == null) {
                return Optional.empty();
            }
            return Optional.of(ZonedDateTime.of(last, settings.brief(), settings.zone()).toInstant());
        }
    }

    /**
     * One chat's brief to queue ({@link SubscriptionStore#queueBriefs}).
     *
     * @param date the local date of the brief in the chat's zone
     * @param due  the instant the brief was due (the chat's brief time on {@code date}): it is queued only when the
     *             chat's last brief went before this
     * @param rows the outbox rows (empty: only the date and instant are recorded)
     * @param at   when it is queued: the end of the events it covers, where the next brief starts
     * @param next the earliest instant the chat's following brief can be due, or {@code null} to work it out at the
     *             next look
     */
    public record Queued(Platform platform, String chatId, LocalDate date, Instant due, List<Row> rows, Instant at,
                         Instant next) {
        public Queued {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(at, "at");
            rows = List.copyOf(rows);
        }
    }

    /**
     * A chat read as a candidate that was not due: its next brief instant, to record so it is not read again before
     * then ({@link SubscriptionStore#deferBriefs}).
     *
     * @param chat the chat as read (the update applies only while its row is unchanged)
     * @param next the earliest instant its next brief can be due
     */
    public record Deferral(Chat chat, Instant next) {
        public Deferral {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * One event (or lone story) a target was alerted to.
     *
     * @param storyId  the id of the story whose outbox rows stand for the event (the story id users look up)
     * @param story    the event view's story as stored now (headline, link)
     * @param now      the event view's assessment as stored now (fused counts, severity)
     * @param first    the view's assessment as first alerted, or {@code null} when not recorded
     * @param outlets  the source names of the event's stories, each once, in the order they were first seen
     * @param routedAt when the alert was routed to the target
     */
    public record Event(String storyId, Story story, Assessment now, Assessment first, List<String> outlets,
                        Instant routedAt) {
        public Event {
            Objects.requireNonNull(storyId, "storyId");
            Objects.requireNonNull(story, "story");
            Objects.requireNonNull(now, "now");
            outlets = List.copyOf(outlets);
        }
    }

    /**
     * One outbox row of a brief: a {@link OutboxKind#NOTICE} row whose note is the encoded brief part.
     *
     * @param target   where it goes
     * @param storyId  a story the row is filed under (the part's first event: outbox rows belong to a story)
     * @param severity the part's highest severity, 0–100 (decides loudness like an alert's)
     * @param note     the encoded part
     */
    public record Row(Target target, String storyId, int severity, String note) {
        public Row {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(storyId, "storyId");
            Objects.requireNonNull(note, "note");
        }
    }
}
