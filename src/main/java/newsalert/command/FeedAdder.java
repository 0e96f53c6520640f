package newsalert.command;

import java.net.URI;
import java.util.List;
import newsalert.store.ChatFeed;
import newsalert.store.ChatFeedStore;

/**
 * The checks every feed a chat adds goes through — by {@code feeds add} or one line of {@code feeds import}:
 * the address policy, not already in the chat's list, the per-chat cap of {@value #MAX_PER_CHAT}, and the
 * feed check (fetched and parsed once through the guarded reader); then it is stored. When the address is a
 * web page whose one feed the check found, that feed's address passes the policy and duplicate checks too and
 * is what gets stored. Adding a feed the chat already has, with an interval other than its own, changes that
 * interval in place ({@link Kind#INTERVAL_CHANGED}); nothing is fetched. Addresses are compared and stored in
 * one spelling ({@link FeedUrls#normalise}), so host case, a default port or a {@code #fragment} make no second
 * feed; one stored before that keeps its spelling and still counts as the same feed.
 */
final class FeedAdder {
    static final int MAX_PER_CHAT = 20;

    private final ChatFeedStore store;
    private final FeedCheck check;
    private final AddressPolicy policy;

    FeedAdder(ChatFeedStore store, FeedCheck check, AddressPolicy policy) {
        this.store = store;
        this.check = check;
        this.policy = policy;
    }

    /** What became of one address. */
    /** {@code INTERRUPTED}: nothing added, the kept check was answered as interrupted meanwhile (issue 17). */
    enum Kind { ADDED, ALREADY_THERE, INTERVAL_CHANGED, BAD_ADDRESS, NOT_A_FEED, SEVERAL, FULL, INTERRUPTED }

    /**
     * @param kind   what happened
     * @param url    the feed's address: as given, or the one found for the page given
     * @param reason for {@link Kind#BAD_ADDRESS}: the address policy's sentence; for {@link Kind#NOT_A_FEED}:
     *               the feed check's problem; for {@link Kind#ADDED}: the feed's title, possibly blank;
     *               otherwise empty
     * @param page       the page address given when {@code url} was found for it, else {@code null}
     * @param candidates for {@link Kind#SEVERAL}: the page's feeds; else empty
     */
    record Outcome(Kind kind, String url, String reason, String page, List<FeedCheck.Candidate> candidates) {
        Outcome(Kind kind, String url, String reason) {
            this(kind, url, reason, null, List.of());
        }
    }

    /** @return the chat's feeds, for callers that show or count them */
    List<ChatFeed> feeds(CommandContext ctx) {
        return store.chatFeeds(ctx.target().platform(), ctx.target().chatId());
    }

    /** Runs the checks on {@code url} for the context's chat and stores it when they pass. */
    Outcome add(CommandContext ctx, String url) {
        return add(ctx, url, null);
    }

    /**
     * As {@link #add(CommandContext, String)}, storing the feed with its own interval.
     *
     * @param interval the time between polls the chat asked for (already checked against {@code
     *                 poll.min-interval}), or {@code null} for {@code poll.interval}
     */
    Outcome add(CommandContext ctx, String given, java.time.Duration interval) {
        return add(ctx, given, interval, null);
    }

    /**
     * As {@link #add(CommandContext, String, java.time.Duration)}, for a check kept under {@code checkId}: the feed
     * is stored only while that check's row stands ({@link ChatFeedStore#addChatFeed(ChatFeed, int, String)}).
     *
     * @param checkId the kept check's id, or {@code null}
     * @return as the other {@code add}, or {@link Kind#INTERRUPTED} when the check was answered as interrupted
     */
    /**
     * The outcomes of {@link #add(CommandContext, String, java.time.Duration, String)} that need neither the network
     * nor a name look-up: an address refused by its form (or by the address rule when it is an IP address), a feed
     * the chat already has (its interval changed in place when asked), a full list. {@code feeds add} answers these
     * at once, whatever {@code chat-feeds.add-wait} is (tester17f: with 0s they were "Checking…" and then a notice).
     *
     * @return the outcome, or empty when the address must be checked over the network
     */
    java.util.Optional<Outcome> quick(CommandContext ctx, String given, java.time.Duration interval) {
        if (AddressPolicy.hasHidden(given)) {
            return java.util.Optional.of(new Outcome(Kind.BAD_ADDRESS, AddressPolicy.shownPlain(given),
                    AddressPolicy.HIDDEN));
        }
        String url = FeedUrls.normalise(given);
        try {
            policy.checkWithoutLookup(url);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(new Outcome(Kind.BAD_ADDRESS, url, e.getMessage()));
        }
        List<ChatFeed> existing = feeds(ctx);
        java.util.Optional<ChatFeed> had = existing.stream().filter(f -> FeedUrls.same(f.url(), url)).findFirst();
        if (had.isPresent()) {
            return java.util.Optional.of(already(ctx, existing, had.get().url(), interval, null));
        }
        if (existing.size() >= MAX_PER_CHAT) {
            return java.util.Optional.of(new Outcome(Kind.FULL, url, ""));
        }
        return java.util.Optional.empty();
    }

    Outcome add(CommandContext ctx, String given, java.time.Duration interval, String checkId) {
        if (AddressPolicy.hasHidden(given)) { // before normalising, which would write them as escapes
            return new Outcome(Kind.BAD_ADDRESS, AddressPolicy.shownPlain(given), AddressPolicy.HIDDEN);
        }
        String url = FeedUrls.normalise(given);
        URI uri;
        try {
            uri = policy.check(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(Kind.BAD_ADDRESS, url, e.getMessage());
        }
        List<ChatFeed> existing = feeds(ctx);
        java.util.Optional<ChatFeed> had = existing.stream().filter(f -> FeedUrls.same(f.url(), url)).findFirst();
        if (had.isPresent()) {
            return already(ctx, existing, had.get().url(), interval, null);
        }
        if (existing.size() >= MAX_PER_CHAT) {
            return new Outcome(Kind.FULL, url, "");
        }
        FeedCheck.Result result = check.check(uri);
        if (!result.candidates().isEmpty()) {
            return new Outcome(Kind.SEVERAL, url, "", null, result.candidates());
        }
        if (!result.feed()) {
            return new Outcome(Kind.NOT_A_FEED, url, result.problem() == null ? "" : result.problem());
        }
        String feedUrl = url;
        String page = null;
        if (result.feedUrl() != null && !FeedUrls.same(result.feedUrl(), url)) {
            feedUrl = FeedUrls.normalise(result.feedUrl());
            page = url;
            try {
                policy.check(feedUrl);
            } catch (IllegalArgumentException e) {
                return new Outcome(Kind.BAD_ADDRESS, feedUrl, e.getMessage(), page, List.of());
            }
            String found = feedUrl;
            java.util.Optional<ChatFeed> hadFound = existing.stream().filter(f -> FeedUrls.same(f.url(), found))
                    .findFirst();
            if (hadFound.isPresent()) {
                return already(ctx, existing, hadFound.get().url(), interval, page);
            }
        }
        // The cap is checked again inside the insert's transaction: an import beside this add may have filled it.
        ChatFeedStore.Added added = store.addChatFeed(new ChatFeed(ctx.target().platform(), ctx.target().chatId(),
                feedUrl, ctx.callerId(), ctx.clock().instant(), interval), MAX_PER_CHAT, checkId);
        if (added == ChatFeedStore.Added.INTERRUPTED) {
            return new Outcome(Kind.INTERRUPTED, feedUrl, "", page, List.of());
        }
        if (added == ChatFeedStore.Added.FULL) {
            return new Outcome(Kind.FULL, feedUrl, "", page, List.of());
        }
        if (added == ChatFeedStore.Added.ALREADY_THERE) {
            return new Outcome(Kind.ALREADY_THERE, feedUrl, "", page, List.of());
        }
        return new Outcome(Kind.ADDED, feedUrl, result.title() == null ? "" : result.title().strip(), page, List.of());
    }

    /**
     * A feed the chat already has: its interval changes in place when {@code interval} is given and differs.
     *
     * @return {@link Kind#INTERVAL_CHANGED} or {@link Kind#ALREADY_THERE}
     */
    private Outcome already(CommandContext ctx, List<ChatFeed> existing, String url, java.time.Duration interval,
                            String page) {
        ChatFeed had = existing.stream().filter(f -> f.url().equals(url)).findFirst().orElseThrow();
        if (interval != null && !interval.equals(had.interval())
                && store.setChatFeedInterval(ctx.target().platform(), ctx.target().chatId(), url, interval)) {
            return new Outcome(Kind.INTERVAL_CHANGED, url, "", page, List.of());
        }
        return new Outcome(Kind.ALREADY_THERE, url, "", page, List.of());
    }
}
