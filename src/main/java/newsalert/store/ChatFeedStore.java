package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsalert.subscription.Platform;

/**
 * The storage port for feeds added per chat with {@code feeds add}. Implementations are thread-safe; every
 * method is one transaction; failures surface as {@link StoreException}.
 */
public interface ChatFeedStore {

    /** @return false when the chat already has this URL (nothing changed) */
    boolean addChatFeed(ChatFeed feed);

    /**
     * What {@link #addChatFeed(ChatFeed, int)} did; {@code INTERRUPTED}: nothing added, because the {@code feeds add}
     * check it belongs to was already answered as interrupted ({@link #addChatFeed(ChatFeed, int, String)}).
     */
    enum Added { ADDED, ALREADY_THERE, FULL, INTERRUPTED }

    /**
     * Adds the feed unless the chat already has it or already has {@code maxPerChat} feeds. The JDBC store counts
     * and inserts in one write transaction (SQLite: the single writer; PostgreSQL: a per-chat transaction lock), so
     * a {@code feeds import} beside a {@code feeds add} cannot take a chat past the cap; this default counts first.
     *
     * @param maxPerChat most feeds a chat may have (turned-off ones count)
     * @return {@link Added#ADDED}, {@link Added#ALREADY_THERE} (nothing changed) or {@link Added#FULL} (nothing added)
     */
    default Added addChatFeed(ChatFeed feed, int maxPerChat) {
        List<ChatFeed> had = chatFeeds(feed.platform(), feed.chatId());
        if (had.stream().anyMatch(f -> f.url().equals(feed.url()))) {
            return Added.ALREADY_THERE;
        }
        if (had.size() >= maxPerChat) {
            return Added.FULL;
        }
        return addChatFeed(feed) ? Added.ADDED : Added.ALREADY_THERE;
    }

    /**
     * As {@link #addChatFeed(ChatFeed, int)}, for a {@code feeds add} check kept under {@code checkId} ({@link
     * #beginFeedAddCheck}): the feed is added only while that check's row still stands, in the same transaction that
     * looks at it, so a check that a stopping run (or a sweep) has already answered "interrupted; nothing was added"
     * never adds its feed afterwards. This default ignores the row.
     *
     * @param checkId the kept check's id, or {@code null} (then as {@link #addChatFeed(ChatFeed, int)})
     * @return as {@link #addChatFeed(ChatFeed, int)}, or {@link Added#INTERRUPTED} when the row is gone
     */
    default Added addChatFeed(ChatFeed feed, int maxPerChat, String checkId) {
        return addChatFeed(feed, maxPerChat);
    }

    /** @return whether the chat had the URL and it was removed */
    boolean removeChatFeed(Platform platform, String chatId, String url);

    /** @return the chat's feeds in the order they were added */
    List<ChatFeed> chatFeeds(Platform platform, String chatId);

    /** @return every chat's feeds, for the poller */
    List<ChatFeed> allChatFeeds();

    /**
     * @param url a chat feed's URL
     * @return when the newest entry of the feed at {@code url} was first seen, or empty when none was (or this
     *         store does not keep entries)
     */
    default Optional<Instant> lastNewEntry(String url) {
        return Optional.empty();
    }

    /**
     * @param url a chat feed's URL
     * @return when its current run of failed polls began (stored {@code feed_state.failing_since}), or empty when
     *         its last poll succeeded, it was never polled, or the run began before that was recorded
     */
    default Optional<Instant> failingSince(String url) {
        return Optional.empty();
    }

    /**
     * Gives a chat feed a new interval of its own, in place ({@code feeds add <url> <interval>} of a feed the chat
     * already has).
     *
     * @param interval the new interval, or {@code null} for {@code poll.interval}
     * @return false when the chat has no such feed (nothing changed)
     */
    default boolean setChatFeedInterval(Platform platform, String chatId, String url, java.time.Duration interval) {
        return false;
    }

    /**
     * @return every chat feed that is on for its chat and whose feed's last poll failed, with the start of the
     *         feed's run of failures (for the once-per-cycle health watch); empty by default
     */
    default List<FailingChatFeed> failingChatFeeds() {
        return List.of();
    }

    /**
     * In one transaction: queues {@code note} as a notice (outbox kind {@code notice}, tied to no story) to the
     * chat — Telegram: one row per forum topic the chat's subscriptions name, or the chat itself when it has none;
     * Discord: one row to the server's first subscribed channel, or none (logged at INFO) when no channel there is
     * subscribed, since a server id is no channel — records when the chat was told, and, when {@code disable}, turns
     * the feed off for the chat with {@code reason}.
     *
     * @param feed    the failing chat feed
     * @param note    the notice's plain text
     * @param disable whether to turn the feed off for the chat
     * @param reason  the one-line reason kept with a turned-off feed, or {@code null}
     * @param at      the time (the poll clock's)
     * @return false when the chat no longer has the feed (nothing queued)
     */
    boolean noticeFailingChatFeed(FailingChatFeed feed, String note, boolean disable, String reason, Instant at);

    /**
     * Queues {@code note} as one notice (outbox kind {@code notice}, tied to no story) to exactly {@code target}:
     * how a {@code feeds import} run off the command threads sends its summary to where the command came from (on
     * Discord: the channel; on Telegram: the chat or forum topic).
     *
     * @param target where the notice goes
     * @param key    the row's {@code story_id}: a key naming what the notice is about, e.g. {@code
     *               feed-import:telegram:-100:1765000000000}; cut to 2,048 characters
     * @param note   the notice's plain text
     * @param at     when it was queued
     */
    void queueNotice(newsalert.subscription.Target target, String key, String note, Instant at);

    /**
     * Keeps a {@code feeds add} check about to run off the command thread (issue 17), so that its answer is never
     * lost: when the run that owns the check stops or is killed before the answer is queued, {@link
     * #interruptFeedAddChecks} turns the row into a notice. Does nothing by default.
     *
     * @param id     the check's key, unique, at most 64 characters
     * @param target where the answer goes (the chat, or its forum topic / Discord channel)
     * @param url    the address being checked, as the moderator sent it, cut to 2,048 characters
     * @param owner  the id of the run doing the check (the owner of its leases)
     * @param at     when the check started
     */
    default void beginFeedAddCheck(String id, newsalert.subscription.Target target, String url, String owner,
                                   Instant at) {
        beginCheck(id, new KeptCheck(CheckKind.ADD, target, url, null, 0), owner, at);
    }

    /** What a kept check is: a {@code feeds add} check, or a {@code feeds import} in flight. */
    enum CheckKind {
        /** {@code feeds add <url> [interval]}: the row's address is the one being checked. */
        ADD("add"),
        /** {@code feeds import}: the row's address is the file's name (may be empty), its total the file's feeds. */
        IMPORT("import");

        private final String wire;

        CheckKind(String wire) {
            this.wire = wire;
        }

        /** @return the word stored in {@code feed_add_check.kind} */
        public String wire() {
            return wire;
        }

        /** @return the kind stored as {@code wire}; an unknown word reads as {@link #ADD} */
        public static CheckKind fromWire(String wire) {
            return "import".equals(wire) ? IMPORT : ADD;
        }
    }

    /**
     * What a kept check is about (issue 17, V27).
     *
     * @param kind     an add or an import
     * @param target   where its answer goes (the chat, or its forum topic / Discord channel)
     * @param url      an add: the address being checked, as the moderator sent it; an import: the file's name, or
     *                 {@code ""} when it had none (cut to 2,048 characters when kept)
     * @param interval an add: the interval asked for ({@code feeds add <url> 30m}), or {@code null}; an import:
     *                 {@code null}
     * @param total    an import: the distinct addresses the file listed; an add: 0
     */
    record KeptCheck(CheckKind kind, newsalert.subscription.Target target, String url, java.time.Duration interval,
                     int total) {
        public KeptCheck {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(target, "target");
            java.util.Objects.requireNonNull(url, "url");
        }
    }

    /**
     * A kept check cut off by a stop or kill, as the notice about it needs it.
     *
     * @param check  the check as kept
     * @param gained the addresses of the feeds the chat gained since the check began (read in the transaction that
     *               answers it: an add killed after its insert but before its answer, or an import's feeds added
     *               before the cut, show here), oldest first; empty when none
     */
    record CutOffCheck(KeptCheck check, List<String> gained) {
        public CutOffCheck {
            java.util.Objects.requireNonNull(check, "check");
            gained = List.copyOf(gained);
        }
    }

    /**
     * Keeps a check about to run off the command thread ({@code feeds add}, or a {@code feeds import}), so that its
     * answer is never lost: when the run that owns it stops or is killed before the answer is queued, {@link
     * #interruptChecks} turns the row into a notice. Does nothing by default.
     *
     * @param id    the check's key, unique, at most 64 characters
     * @param check what is being checked and where its answer goes
     * @param owner the id of the run doing the check (the owner of its leases)
     * @param at    when the check started
     */
    default void beginCheck(String id, KeptCheck check, String owner, Instant at) {
        beginCheck(id, check, owner, null, at);
    }

    /**
     * As {@link #beginCheck(String, KeptCheck, String, Instant)}, naming who started the check: an import cut off
     * by a restart then counts only the feeds this person added since it began (another moderator's add meanwhile
     * is not the file's). Does nothing by default.
     *
     * @param caller the platform's id of the person who sent the command, at most 128 characters, or {@code null}
     */
    default void beginCheck(String id, KeptCheck check, String owner, String caller, Instant at) {
    }

    /**
     * In one transaction deletes the check's row and, when it was still there, queues {@code note} as a notice to
     * the row's target: the answer goes once, and never after an interruption notice for the same check. By
     * default (no rows kept) queues the notice to {@code target}.
     *
     * @param id     the key given to {@link #beginFeedAddCheck}
     * @param target where the answer goes (used when no row is kept)
     * @param key    the notice's key ({@link #queueNotice})
     * @param note   the answer's plain text
     * @param at     when it was queued
     * @return whether the notice was queued (false: the row was gone, already answered as interrupted)
     */
    default boolean answerFeedAddCheck(String id, newsalert.subscription.Target target, String key, String note,
                                       Instant at) {
        queueNotice(target, key, note, at);
        return true;
    }

    /** Deletes the check's row without a notice: its answer was the command's reply. Does nothing by default. */
    default void forgetFeedAddCheck(String id) {
    }

    /**
     * Turns the rows of interrupted {@code feeds add} checks into one notice each and deletes them, in one
     * transaction: with {@code owner}, that run's rows whatever their age (it is stopping cleanly); without, the
     * rows started at or before {@code startedBy} whose owner holds no lease that runs past {@code now} (it stopped
     * or was killed; a live owner's slow check is left alone).
     *
     * @param owner     a run's id, or {@code null} for every run that holds no live lease
     * @param startedBy only rows started at or before this instant
     * @param now       the time: leases running past it are live; the notices are queued at it
     * @param note      words the notice from the row's address and the addresses of the feeds the chat gained
     *                  since the check began (read in the same transaction; a check killed after its add but
     *                  before its answer shows there), empty when none
     * @return how many notices were queued; 0 by default
     */
    default int interruptFeedAddChecks(String owner, Instant startedBy, Instant now,
                                       java.util.function.BiFunction<String, List<String>, String> note) {
        return interruptChecks(owner, startedBy, now, c -> note.apply(c.check().url(), c.gained()));
    }

    /**
     * As {@link #interruptFeedAddChecks}, for every kind of kept check, the notice worded from all the row holds
     * (its kind, target, interval, total) and the feeds the chat gained since it began.
     *
     * @param note words the notice of one cut-off check
     * @return how many notices were queued; 0 by default
     */
    default int interruptChecks(String owner, Instant startedBy, Instant now,
                                java.util.function.Function<CutOffCheck, String> note) {
        return 0;
    }

    /**
     * Turns a chat feed back on ({@code feeds retry}): clears its turned-off state and counts its failures for the
     * notices from {@code at} on.
     *
     * @return whether the chat has the feed (turned off or not)
     */
    default boolean reenableChatFeed(Platform platform, String chatId, String url, Instant at) {
        return chatFeeds(platform, chatId).stream().anyMatch(f -> f.url().equals(url));
    }

    /**
     * @param url a chat feed's URL
     * @return what the poller last recorded for it (last error, next poll), if it was polled; empty by default
     */
    default Optional<FeedState> pollState(String url) {
        return Optional.empty();
    }
}
