package newsalert.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;

/**
 * The storage port for subscriptions, moderators' keyword rules and the outbox. Outbox rows are created
 * by {@link NewsStore#recordEntry(String, newsalert.story.Story, newsalert.story.Assessment, boolean,
 * Instant, List)} in the transaction that stores the story; this port reads and settles them.
 * Implementations are thread-safe; every method is one transaction; failures surface as
 * {@link StoreException}. A chat is (platform, chat id); a target is a chat or one forum topic in it.
 */
public interface SubscriptionStore {

    /**
     * Inserts a subscription, or replaces the settings (topics, minimum severity, keywords, paused flag and
     * reason) of the one its target already has; the existing id and creation time are kept.
     *
     * @return the stored subscription, with its id
     */
    Subscription saveSubscription(Subscription subscription);

    /** @return the target's subscription, if any */
    Optional<Subscription> subscription(Target target);

    /**
     * Removes the target's subscription and, in the same transaction, settles its pending outbox rows
     * {@link OutboxStatus#DROPPED} with the reason "unsubscribed", so nothing more arrives after
     * {@code unsubscribe}.
     *
     * @return true when a subscription was removed (nothing changes otherwise)
     */
    boolean removeSubscription(Target target);

    /**
     * Moves everything of a chat to a new chat id, in one transaction: subscriptions, keyword rules, per-chat
     * feeds, chat settings and pending outbox rows. Used when Telegram reports that a group became a supergroup
     * ({@code migrate_to_chat_id}). Subscriptions paused with a reason starting "chat migrated" are resumed.
     * Where the new chat already has a subscription for the same forum topic, a keyword rule with the same
     * term or the same feed, the new chat's entry wins and the old one is deleted. Sent rows stay under the
     * old id (their messages live there).
     *
     * @return how many subscriptions now live under {@code toChatId} because of the move
     */
    int moveChat(Platform platform, String fromChatId, String toChatId);

    /**
     * @return the chat's settings (time zone, quiet hours, pictures); {@link ChatSettings#defaults} when it never
     *         changed any
     */
    ChatSettings chatSettings(Platform platform, String chatId);

    /** Inserts or replaces the settings of {@link ChatSettings#chatId()}, stamped {@code at}. */
    void saveChatSettings(ChatSettings settings, Instant at);

    /** @return the loudness of the target's subscription; empty when the target has none */
    Optional<Loudness> loudness(Target target);

    /**
     * Sets the loudness of the target's subscription; {@code subscribe} again keeps it.
     *
     * @return false when the target has no subscription (nothing is stored then)
     */
    boolean saveLoudness(Target target, Loudness loudness);

    /** @return the chat's subscriptions (the chat itself and its forum topics), in id order */
    List<Subscription> subscriptions(Platform platform, String chatId);

    /** @return every subscription of every chat, paused or not, in id order: the router's input */
    List<Subscription> allSubscriptions();

    /** Pauses one target with a reason shown to users; @return whether it had a subscription */
    boolean pause(Target target, String reason);

    /** Pauses every subscription of a chat (e.g. the bot was removed); @return how many were paused */
    int pauseChat(Platform platform, String chatId, String reason);

    /**
     * Clears the paused flag and reason, and puts the alert whose permanent error paused the target back in the
     * queue (the same happens when {@link #saveSubscription} un-pauses it, as {@code subscribe} does).
     *
     * @return whether it had a subscription
     */
    boolean resume(Target target);

    /**
     * Adds a moderator rule. Callers validate the term and the per-chat limit first with
     * {@link newsalert.subscription.Keywords#validate(String, int)}.
     *
     * @return false when the chat already has a rule with this (normalised) term; nothing is changed then
     */
    boolean addKeywordRule(KeywordRule rule);

    /** @return whether a rule with the term (normalised before lookup) was removed */
    boolean removeKeywordRule(Platform platform, String chatId, String term);

    /** @return the chat's rules, in the order they were added */
    List<KeywordRule> keywordRules(Platform platform, String chatId);

    /** @return every chat's rules: the router's input */
    List<KeywordRule> allKeywordRules();

    /**
     * @return the targets that have pending outbox rows (held ones included), ordered by their oldest pending
     *         row
     */
    List<Target> pendingTargets();

    /**
     * @return the target's pending rows in id (delivery) order, at most {@code limit}, including rows whose
     *         next attempt time is still ahead: a worker keeps per-target order by not sending a later row
     *         while an earlier one waits. Rows held by a chat-added feed's cap ({@link ChatFeedCap}) are left
     *         out: they go by {@link #releasedOutbox}
     */
    List<OutboxItem> pendingOutbox(Target target, int limit);

    /**
     * @return pending rows of all targets in id order, at most {@code limit}; per target this is delivery order.
     *         Held rows are left out, as in {@link #pendingOutbox(Target, int)}
     */
    List<OutboxItem> pendingOutbox(int limit);

    /**
     * @return the target's pending rows held by a chat-added feed's cap ({@link ChatFeedCap}) whose hour has
     *         ended at or before {@code now}, at most {@code limit}: rows already fixed in a digest
     *         ({@link #fixDigest}) first, then in id order; the rows of the target's next digest
     */
    List<OutboxItem> releasedOutbox(Target target, Instant now, int limit);

    /**
     * Records a delivery: status sent, the platform's message id, the time, one more attempt.
     *
     * @return false when the row was not pending (already settled); nothing is changed then
     */
    boolean markSent(long outboxId, String messageId, Instant at);

    /**
     * Like {@link #markSent(long, String, Instant)}, and records which revision of the row's story the sent message
     * showed ({@link OutboxItem#storyRevision()}), so that an edit or reply queued for a revision the message already
     * shows is skipped ({@link #shownRevision}).
     *
     * @param shownRevision the story revision the message was rendered from (0: before the first revision)
     * @return false when the row was not pending (already settled); nothing is changed then
     */
    boolean markSent(long outboxId, String messageId, Instant at, long shownRevision);

    /**
     * @param alertOnly true for the revision the story's first message (its {@link OutboxKind#SEND} row) showed when
     *                  it was sent; false for the newest revision any sent send or edit of the story showed
     * @return the story revision the target's message shows, by the rows marked sent with a revision; empty when no
     *         such row exists (nothing sent yet, or sent before revisions were recorded)
     */
    java.util.OptionalLong shownRevision(String storyId, Target target, boolean alertOnly);

    /**
     * Records a failed attempt to retry later: one more attempt, the error, the next attempt time; the row
     * stays pending. Does nothing to a row that is not pending.
     */
    void markFailed(long outboxId, String error, Instant nextAttemptAt);

    /**
     * Like {@link #markFailed(long, String, Instant)}, also recording how the attempt ended (issue 19: an
     * unanswered send is {@link AttemptOutcome#UNKNOWN}, not failed). The default drops the outcome.
     */
    default void markFailed(long outboxId, AttemptOutcome outcome, String error, Instant nextAttemptAt) {
        markFailed(outboxId, error, nextAttemptAt);
    }

    /**
     * Records an accepted digest (issue 19 item 2): every member row still pending is settled
     * {@link OutboxStatus#DROPPED} with "merged into digest message &lt;messageId&gt;", all in ONE transaction, so a
     * crash leaves the digest either wholly settled or wholly pending (never some members sent again in a smaller
     * digest). Written ahead of waiting writers, as {@link #markSent} is. Rows not pending are left as they are.
     *
     * @param members   the digest's member rows' ids, in any order (they are updated in id order)
     * @param messageId the platform's id of the digest's message
     * @return how many rows were settled
     * @throws StoreException when the store cannot take it; then no member is settled
     */
    int settleDigest(List<Long> members, String messageId);

    /**
     * Fixes a digest before its first try: writes {@code digestId} on each member row that is pending and in
     * no digest yet, in one transaction, so every retry sends the same rows and none of them joins another
     * digest (issue 19).
     *
     * @param digestId the digest's id: the id of its first member row
     * @param members  the member rows' ids
     * @return the number of rows fixed
     * @throws StoreException when the store cannot take it
     */
    int fixDigest(long digestId, List<Long> members);

    /**
     * Fixes a digest and its rendered message before its first try (issue 19 item 2): as
     * {@link #fixDigest(long, List)}, and in the same transaction stores {@code message} with the digest (on its
     * first row), so each retry sends exactly that message ({@link #digestMessage}). Nothing is stored when the
     * first row could not be fixed (already settled, or in another digest).
     *
     * The default keeps no message (each try then renders the digest anew).
     *
     * @param message the digest as the platform adapter rendered it (opaque to the store); {@code null} stores
     *                none, as {@link #fixDigest(long, List)}
     * @return the number of rows fixed
     * @throws StoreException when the store cannot take it
     */
    default int fixDigest(long digestId, List<Long> members, String message) {
        return fixDigest(digestId, members);
    }

    /**
     * @param digestId a digest's id (the id of its first row)
     * @return the message stored when the digest was fixed; empty when none was stored (a digest fixed before
     *         messages were kept, or without one) or the first row is gone
     * @throws StoreException when the store cannot be read
     */
    default Optional<String> digestMessage(long digestId) {
        return Optional.empty();
    }

    /**
     * Makes the platform's pending rows that wait out a back-off after a transient error (their last error
     * starts with {@code "transient: "}) due at {@code now}: the platform answered again after an outage, so
     * waiting out back-offs that grew during it would only delay every chat (issue 19). Rows waiting for a
     * 429's {@code retry_after}, held rows and settled rows keep their times.
     *
     * @return the number of rows made due
     */
    default int resumeRetries(Platform platform, Instant now) {
        return 0;
    }

    /**
     * Settles a row without delivering it.
     *
     * @param status {@link OutboxStatus#FAILED} (permanent error) or {@link OutboxStatus#DROPPED} (merged or
     *               skipped on purpose)
     * @param reason why, or {@code null}
     * @throws IllegalArgumentException for any other status
     */
    void settle(long outboxId, OutboxStatus status, String reason);

    /**
     * Takes or renews a named lease, so that one process at a time does a job (one instance on a database
     * long-polls Telegram for commands, {@code telegram-updates}). Granted when nobody holds it, when {@code owner}
     * already holds it, or when the holder's lease has expired (a dead holder's lease lapses on its own: no
     * process checks); the lease then runs until {@code now + ttl}.
     *
     * @param name  the job's lease name, e.g. {@code telegram-updates}
     * @param owner this process's id (a random id per start)
     * @param now   the caller's clock time
     * @param ttl   how long the lease holds unless renewed, positive
     * @return whether {@code owner} holds the lease now
     * @throws StoreException when the store cannot be written
     */
    boolean acquireLease(String name, String owner, Instant now, Duration ttl);

    /** @return the current holder of the lease, if any (even when expired) */
    Optional<String> leaseHolder(String name);

    /** Gives the lease up if {@code owner} holds it, so that another process may take it at once. */
    void releaseLease(String name, String owner);

    /**
     * Counts the leases of one kind that run past {@code now}, e.g. one presence lease per running instance
     * ({@code instance:...}), and deletes the leases of that kind that lapsed more than {@code forget} before
     * {@code now} (a killed instance's never come back).
     *
     * @param namePrefix the kind: the start of the leases' names, compared as is (no wildcards)
     * @param forget     how long a lapsed lease of the kind is kept
     * @return how many of the kind's leases run past {@code now}
     */
    int countLiveLeases(String namePrefix, Instant now, Duration forget);

    /**
     * Claims chats for delivery (issue 14: every instance on one database delivers, each chat's rows by one
     * instance at a time, in id order). In one short writing transaction: among the chats with pending outbox
     * rows, takes those nobody holds or whose claim has lapsed ({@code expires_at <= now}) and renews those
     * {@code owner} already holds, all until {@code now + ttl}. On PostgreSQL chats another instance is claiming
     * at the same moment are skipped ({@code FOR UPDATE SKIP LOCKED}); on SQLite the transaction holds the one
     * write lock.
     *
     * @param owner the claiming instance's id, unique per running instance
     * @param only  the platform whose chats to claim, or {@code null} for all
     * @param ttl   how long the claim holds without renewal (seconds; another instance takes the chat after it)
     * @param limit most chats returned
     * @return the chats {@code owner} holds now that have pending rows, by platform and chat id
     */
    List<ChatClaim> claimChats(String owner, Platform only, Instant now, Duration ttl, int limit);

    /**
     * Renews, until {@code now + ttl}, every claim of {@code owner} that has not lapsed at {@code now} (a lapsed
     * one may already be another instance's).
     *
     * @return how many claims were renewed
     */
    int renewChatClaims(String owner, Instant now, Duration ttl);

    /** Gives up every chat claim of {@code owner}, so that other instances take those chats at once. */
    void releaseChatClaims(String owner);

    /** @return the instance holding the chat's claim at {@code now}; empty when nobody does or it lapsed */
    Optional<String> chatClaimHolder(ChatClaim chat, Instant now);

    /**
     * @return the message id of the story's delivered alert ({@link OutboxKind#SEND} row) at the target, for
     *         edits; empty when none was sent (still pending, merged into a digest, or failed)
     */
    Optional<String> sentMessageId(String storyId, Target target);

    /**
     * @return the chats whose daily brief is on ({@link ChatSettings#brief()} set), with the date of their last
     *         queued brief; empty for a store without briefs
     */
    default List<Briefs.Chat> briefChats() {
        return List.of();
    }

    /**
     * @return the chats whose daily brief is on and may be due at {@code now}: those whose next brief instant
     *         ({@link Briefs.Chat#next()}) is at or before {@code now} or not worked out yet, read in one query with
     *         their settings; the caller decides which are due. The default reads {@link #briefChats()}.
     */
    default List<Briefs.Chat> dueBriefChats(Instant now) {
        return briefChats();
    }

    /**
     * Queues several chats' briefs in one transaction, each as {@link #queueBrief} would (only when that chat's last
     * brief went before its {@link Briefs.Queued#due()}), and records each chat's next brief instant.
     *
     * @return for each brief, in order, whether it was queued
     */
    default List<Boolean> queueBriefs(List<Briefs.Queued> briefs) {
        List<Boolean> out = new java.util.ArrayList<>();
        for (Briefs.Queued b : briefs) {
            out.add(queueBrief(b.platform(), b.chatId(), b.date(), b.due(), b.rows(), b.at()));
        }
        return out;
    }

    /**
     * Records, in one transaction, the next brief instant of chats that were read as candidates but are not due,
     * each only while its settings row is as read (see {@link Briefs.Deferral}). Does nothing by default.
     */
    default void deferBriefs(List<Briefs.Deferral> deferrals) {
    }

    /**
     * @return the events (or lone stories) the target was alerted to, i.e. that passed its filters and got an
     *         {@link OutboxKind#SEND} row created after {@code from} and at or before {@code to}, whatever became
     *         of the row (sent, merged into a digest, waiting); in routing order
     */
    default List<Briefs.Event> briefEvents(Target target, Instant from, Instant to) {
        return List.of();
    }

    /**
     * Queues one brief of a chat: in one transaction, records {@code date} as the chat's last brief date and
     * {@code at} as the instant of its last brief, and inserts the rows, but only when the chat's last brief was
     * queued before {@code due} (for a chat whose last brief is known by its date only, stored before V20: when
     * that date is before {@code date}); so a brief is queued once, also when two workers or a restart ask again.
     * An empty {@code rows} only records the date and instant.
     *
     * @param date the local date of the brief in the chat's zone
     * @param due  the instant the brief was due (the chat's brief time on {@code date})
     * @param at   when it is queued: the end of the events it covers, where the next brief starts
     * @return whether the brief was queued (false: already queued, or the chat has no settings row)
     */
    default boolean queueBrief(Platform platform, String chatId, LocalDate date, Instant due, List<Briefs.Row> rows,
                               Instant at) {
        return false;
    }

    /**
     * @return the chat's brief state: its settings with the date and instant of its last brief (see
     *         {@link Briefs.Chat#windowStart()}); the settings' brief may be {@code null} (off)
     */
    default Briefs.Chat briefChat(Platform platform, String chatId) {
        return new Briefs.Chat(chatSettings(platform, chatId), null, null);
    }

    /**
     * Sets where the chat's next brief starts ({@code brief_last_at}), for a brief just turned on: the events alerted
     * after {@code from} go into it. Does nothing for a chat without a settings row.
     */
    default void startBriefWindow(Platform platform, String chatId, Instant from) {
    }
}
