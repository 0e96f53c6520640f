package newsalert.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsalert.store.ChatFeed;
import newsalert.store.ChatFeedStore;
import newsalert.store.FeedState;
import newsalert.store.SubscriptionStore;

/**
 * {@code feeds add|remove|list|export|import [url]}: the feeds this chat's moderators added. {@code add} accepts
 * a URL only when {@link AddressPolicy} allows it (http(s), public host) and {@link FeedCheck} confirms it
 * serves a feed, and at most {@value FeedAdder#MAX_PER_CHAT} per chat ({@link FeedAdder}). {@code remove} takes
 * the URL exactly as listed. {@code export} replies with the list as a file and {@code import} adds the feeds of
 * an attached file ({@link FeedsTransfer}). {@code list} gives each feed's health ({@link FeedHealthLine}) and
 * {@code retry} makes a feed due at once, cutting its back-off short, and turns a feed that was turned off for
 * failing 7 days back on. {@code add <url> <interval>} gives the feed (new, or one the chat already has: changed in
 * place) its own time between polls ({@code 30m}, {@code 2h}; written as in the config file, see
 * {@link IntervalText}), from {@code poll.min-interval} up to {@value #MAX_INTERVAL_DAYS} days.
 * Moderators only.
 */
final class FeedsCommand implements Command {
    static final int MAX_PER_CHAT = FeedAdder.MAX_PER_CHAT;
    /** The longest interval a chat feed may have, in days. */
    static final int MAX_INTERVAL_DAYS = 7;
    /** Most of a page's feeds listed when it offers several (the reply says how many there are). */
    static final int LISTED_CANDIDATES = 10;

    private final ChatFeedStore store;
    private final AddressPolicy policy;
    private final FeedAdder adder;
    private final FeedsTransfer transfer;
    private final FeedStatus status;
    private final FeedAddChecks adds;
    private final SubscriptionStore settings;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedsCommand.class);

    /** @param status feed health for {@code list}, or {@code null} to list addresses only */
    FeedsCommand(ChatFeedStore store, FeedCheck check, AddressPolicy policy, FeedListCodec codec, FeedStatus status) {
        this(store, check, policy, codec, status, null);
    }

    /**
     * @param status  feed health for {@code list}, or {@code null} to list addresses only
     * @param imports where {@code import} runs its checks (the summary then follows as a notice), or {@code null}
     *                to run them on the command's thread and reply the summary
     */
    FeedsCommand(ChatFeedStore store, FeedCheck check, AddressPolicy policy, FeedListCodec codec, FeedStatus status,
                 FeedImports imports) {
        this(store, check, policy, codec, status, imports, null);
    }

    /**
     * @param adds where {@code add} runs its check (a slow one's answer then follows as a notice), or {@code null}
     *             to run it on the command's thread
     */
    FeedsCommand(ChatFeedStore store, FeedCheck check, AddressPolicy policy, FeedListCodec codec, FeedStatus status,
                 FeedImports imports, FeedAddChecks adds) {
        this(store, check, policy, codec, status, imports, adds, null);
    }

    /**
     * @param settings the chats' settings, for the zone {@code list} writes times in; {@code null} writes them in
     *                 UTC
     */
    FeedsCommand(ChatFeedStore store, FeedCheck check, AddressPolicy policy, FeedListCodec codec, FeedStatus status,
                 FeedImports imports, FeedAddChecks adds, SubscriptionStore settings) {
        this.settings = settings;
        this.adds = adds;
        this.store = store;
        this.status = status;
        this.policy = policy;
        this.adder = new FeedAdder(store, check, policy);
        this.transfer = new FeedsTransfer(adder, codec, this::interval, store, imports,
                adds == null ? null : adds.owner());
    }

    @Override
    public String name() {
        return "feeds";
    }

    @Override
    public String usage() {
        return "feeds add|remove|list|export|import|retry [url] [interval]";
    }

    @Override
    public String help() {
        return "feeds polled for this chat";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("action", "add, remove, list, export, import or retry"),
                CommandOption.optional("url", "the feed's http or https address"),
                CommandOption.optional("file", "for import: an OPML file of feeds"),
                // after file, so the options Discord has registered keep their places
                CommandOption.optional("interval", "for add: time between polls, e.g. 30m or 2h"));
    }

    @Override
    public boolean moderatorOnly() {
        return true;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change feeds here.";
    }

    /**
     * One line per feed, {@code • url — …}. A feed whose address the policy now refuses says {@code not polled: it
     * …, and this bot reads only public addresses for chat feeds} (then its last new item, when known). Otherwise,
     * with a {@link FeedStatus}, its health ({@link FeedHealthLine}): {@code ok}, {@code not polled yet} or {@code
     * failing (…): reason}, the next try when the last poll failed and a later one is scheduled (a server's
     * Retry-After is part of the reason), its last new item and interval, e.g. {@code • https://x/feed — failing
     * (1 try in a row, last 2026-12-06 15:00 UTC): HTTP 429 (too many requests); the site asks us to wait 2 h
     * (Retry-After); next try 17:00 UTC; no items yet; every 5m}. Without a status, only a failed last poll is
     * noted, from {@link ChatFeedStore#pollState}: {@code last poll failed: reason; next try 17:00 UTC}. A feed
     * turned off for failing 7 days says so, with its reason and how to turn it back on ({@link
     * FeedHealthLine#disabled}).
     */
    private String listLine(ChatFeed f, CommandContext ctx, ZoneId zone) {
        Instant now = ctx.clock().instant();
        Optional<String> refused = policy == null ? Optional.empty() : policy.refusedAddress(f.url());
        if (refused.isPresent()) {
            return "• " + f.url() + " — not polled: it " + refused.get()
                    + ", and this bot reads only public addresses for chat feeds"
                    + (status == null ? "" : FeedHealthLine.lastNewItem(status, f.url()).map(t -> "; last new item "
                            + FeedHealthLine.time(t, zone)).orElse(""));
        }
        if (f.disabled()) {
            return "• " + f.url() + " — " + FeedHealthLine.disabled(f, zone)
                    + (status == null ? "" : FeedHealthLine.lastNewItem(status, f.url()).map(t -> "; last new item "
                            + FeedHealthLine.time(t, zone)).orElse(""));
        }
        if (status != null) {
            // a stored interval below poll.min-interval (raised since) is polled at the minimum: show that
            Duration own = f.interval() == null || f.interval().compareTo(status.minInterval()) >= 0 ? f.interval()
                    : status.minInterval();
            return "• " + f.url() + " — " + FeedHealthLine.of(status, f.url(), own, now, zone);
        }
        Optional<FeedState> state = store.pollState(f.url());
        if (state.isEmpty() || state.get().lastError() == null || state.get().failures() == 0) {
            return "• " + f.url();
        }
        return "• " + f.url() + " — last poll failed: " + state.get().lastError()
                + FeedHealthLine.nextTry(state.get().nextPollAt(), now, zone);
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.isEmpty()) {
            return usageReply("Say add, remove, list, export, import or retry.");
        }
        String action = args.get(0).toLowerCase(Locale.ROOT);
        var platform = ctx.target().platform();
        String chat = ctx.target().chatId();
        if (action.equals("list")) {
            if (args.size() != 1) {
                return usageReply("feeds list takes no address.");
            }
            List<ChatFeed> feeds = store.chatFeeds(platform, chat);
            ZoneId zone = settings == null ? ZoneOffset.UTC : settings.chatSettings(platform, chat).zone();
            return Reply.of(feeds.isEmpty() ? "No feeds added here. Add one with: feeds add <url>"
                    : Render.list("Feeds added here:", feeds.stream().map(f -> listLine(f, ctx, zone)).toList()));
        }
        if (action.equals("export") || action.equals("import")) {
            if (args.size() != 1) {
                return usageReply("feeds " + action + " takes no address.");
            }
            return action.equals("export") ? transfer.export(ctx) : transfer.importFile(ctx);
        }
        if (!action.equals("add") && !action.equals("remove") && !action.equals("retry")) {
            return usageReply("Unknown action \"" + args.get(0) + "\".");
        }
        // "feeds add <url> 30 m": an interval with a space inside gets the interval reader's hint, not "one address"
        if (action.equals("add") && args.size() == 4 && Digits.ascii(args.get(2)).matches("\\d+")
                && args.get(3).matches("(?i)ms|s|m|h|d")) {
            try {
                interval(args.get(2) + " " + args.get(3));
            } catch (IllegalArgumentException e) {
                return usageReply(e.getMessage());
            }
        }
        // a third word is an interval for add only; one with / or : is the rest of an address with a space in it
        if (args.size() < 2 || args.size() > (action.equals("add") ? 3 : 2)
                || args.size() == 3 && args.get(2).matches(".*[/:].*")) {
            return usageReply("Give one feed address.");
        }
        // the feed as the chat stored it, when the address is one of its spellings (host case, default port, #…)
        String url = store.chatFeeds(platform, chat).stream().map(ChatFeed::url)
                .filter(u -> u.equals(args.get(1))).findFirst()
                .or(() -> store.chatFeeds(platform, chat).stream().map(ChatFeed::url)
                        .filter(u -> FeedUrls.same(u, args.get(1))).findFirst())
                .orElse(args.get(1));
        if (action.equals("retry")) {
            return retry(ctx, url);
        }
        if (action.equals("remove")) {
            return store.removeChatFeed(platform, chat, url) ? Reply.of("Removed feed " + url + ".")
                    : Reply.of("That feed is not in this chat's list. See: feeds list");
        }
        Duration interval = null;
        if (args.size() == 3) {
            try {
                interval = interval(args.get(2));
            } catch (IllegalArgumentException e) {
                return usageReply(e.getMessage());
            }
        }
        if (adds == null) {
            return addReply(ctx, url, interval, null);
        }
        java.util.Optional<FeedAdder.Outcome> quick = adder.quick(ctx, url, interval);
        if (quick.isPresent()) { // no network needed: answered now, whatever chat-feeds.add-wait is
            return reply(ctx, quick.get(), interval);
        }
        Duration every = interval;
        // kept before the check starts, so that a check answering later always finds its row; forgotten unless
        // handed over (issue 17: a stop or kill mid-check is answered from the row)
        String checkId = adds.owner() == null ? null : java.util.UUID.randomUUID().toString();
        if (checkId != null) {
            store.beginCheck(checkId, new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.ADD, ctx.target(), url,
                    interval, 0), adds.owner(), ctx.clock().instant());
        }
        FeedAddChecks.Answer answer;
        try {
            answer = adds.run(platform, chat, ctx.callerId(), () -> addReply(ctx, url, every, checkId),
                    later -> queueAnswer(ctx, url, later, checkId));
        } catch (RuntimeException e) {
            forget(checkId);
            throw e;
        }
        if (answer.start() != FeedAddChecks.Start.HANDED_OVER) {
            forget(checkId);
        }
        return switch (answer.start()) {
            case ANSWERED -> answer.reply();
            case HANDED_OVER -> Reply.of("Checking " + url + "… the answer follows here when the check is done (within"
                    + " about half a minute).");
            case SAME_CHAT -> Reply.of("One check at a time in this chat: the address sent before is still being"
                    + " checked, and its answer follows here. Send this one again after it.");
            case SAME_USER -> Reply.of("You already have " + FeedAddChecks.MAX_PER_USER + " feed checks running in"
                    + " other chats; one person may run at most " + FeedAddChecks.MAX_PER_USER + " at once. Nothing"
                    + " was added; send this again when one of them has answered.");
            case BUSY -> Reply.of("Other chats' feeds are being checked right now. Nothing was added; please send"
                    + " this again in a minute.");
        };
    }

    /**
     * Queues a check's answer that came after the command stopped waiting, as a notice to the chat the command came
     * from (on Discord, its channel), led by the address it is about: {@code feeds add <url>: <answer>}.
     */
    private void queueAnswer(CommandContext ctx, String url, Reply answer, String checkId) {
        var target = ctx.target();
        Instant at = ctx.clock().instant();
        String key = "feed-add:" + target.platform().wireName() + ":" + target.chatId() + ":" + at.toEpochMilli()
                + ":" + java.util.UUID.randomUUID();
        String note = "feeds add " + url + ": " + answer.text();
        try {
            if (checkId == null) {
                store.queueNotice(target, key, note, at);
            } else if (!store.answerFeedAddCheck(checkId, target, key, note, at)) {
                LOG.info("feeds add for {}:{}: answered after it was reported interrupted; not sent again",
                        target.platform().wireName(), target.chatId());
            }
        } catch (RuntimeException e) {
            LOG.warn("feeds add for {}:{}: its answer could not be queued: {}", target.platform().wireName(),
                    target.chatId(), e.toString());
        }
    }

    private void forget(String checkId) {
        FeedAddChecks.forget(store, checkId, "feeds add: a finished check");
    }

    /** Runs {@code feeds add}'s checks (the slow part: the address is fetched) and words the outcome. */
    private Reply addReply(CommandContext ctx, String url, Duration interval, String checkId) {
        return reply(ctx, adder.add(ctx, url, interval, checkId), interval);
    }

    /** Words an outcome of {@code feeds add}. */
    private Reply reply(CommandContext ctx, FeedAdder.Outcome added, Duration interval) {
        String url = added.url();
        String every = interval == null ? "" : " It is polled every " + FeedHealthLine.duration(interval) + ".";
        return switch (added.kind()) {
            case BAD_ADDRESS -> usageReply(added.reason());
            case ALREADY_THERE -> Reply.of((added.page() == null ? "That feed is already in this chat's list."
                    : "That page's feed " + added.url() + " is already in this chat's list.")
                    + (interval == null ? "" : " It is already polled every " + FeedHealthLine.duration(interval)
                            + "."));
            case INTERVAL_CHANGED -> Reply.of((added.page() == null ? "That feed" : "That page's feed " + added.url())
                    + " is already in this chat's list; it is now polled every " + FeedHealthLine.duration(interval)
                    + ".");
            case FULL -> Reply.of("This chat already has " + adder.feeds(ctx).size() + " feeds, the most allowed."
                    + " Remove one first with: feeds remove <url>");
            case NOT_A_FEED -> Reply.of("That address is not a feed we can read: " + added.reason());
            case INTERRUPTED -> Reply.of(FeedAddChecks.interrupted(ctx.target(), url, interval));
            case SEVERAL -> Reply.of(Render.list("That page offers " + added.candidates().size() + " feeds"
                    + (added.candidates().size() > LISTED_CANDIDATES ? "; the first " + LISTED_CANDIDATES + " are"
                            + " below" : "") + ". Add the one you want with: feeds add <its address>",
                    numbered(added.candidates().subList(0, Math.min(LISTED_CANDIDATES, added.candidates().size())))));
            case ADDED -> Reply.of((added.page() == null
                    ? "Added feed " + added.url() + title(added) + "."
                    : "That page is not a feed itself; found its feed " + added.url() + title(added)
                            + " and added it.") + every);
        };
    }

    /**
     * @param text the interval as the moderator wrote it, e.g. {@code 30m}
     * @return it as a duration, between {@code poll.min-interval} and {@value #MAX_INTERVAL_DAYS} days
     * @throws IllegalArgumentException with the reply's sentence, e.g. {@code interval 2m is below
     *                                  poll.min-interval 5m; use 5m or more}
     */
    Duration interval(String text) {
        Duration d;
        try {
            d = IntervalText.parse(text);
        } catch (IllegalArgumentException e) {
            throw e; // its sentence is the reply: not a duration, no unit, or a space inside
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30m or 2h");
        }
        Duration min = status == null ? Duration.ofMinutes(5) : status.minInterval();
        if (d.compareTo(min) < 0) {
            String m = FeedHealthLine.duration(min);
            throw new IllegalArgumentException("interval " + text + " is below poll.min-interval " + m + "; use "
                    + m + " or more");
        }
        if (d.compareTo(Duration.ofDays(MAX_INTERVAL_DAYS)) > 0) {
            throw new IllegalArgumentException("interval " + text + " is longer than " + MAX_INTERVAL_DAYS
                    + "d, the longest allowed; use " + MAX_INTERVAL_DAYS + "d or less");
        }
        return d;
    }

    private Reply retry(CommandContext ctx, String url) {
        if (adder.feeds(ctx).stream().noneMatch(f -> f.url().equals(url))) {
            return Reply.of("That feed is not in this chat's list. See: feeds list");
        }
        if (status == null) {
            return Reply.of("Feeds are not polled by this bot, so there is nothing to retry.");
        }
        boolean wasOff = adder.feeds(ctx).stream().anyMatch(f -> f.url().equals(url) && f.disabled());
        return Reply.of(policy.refusedAddress(url).map(why -> "That feed is not polled: it " + why
                        + ", and this bot reads only public addresses for chat feeds.")
                .orElseGet(() -> {
                    store.reenableChatFeed(ctx.target().platform(), ctx.target().chatId(), url,
                            ctx.clock().instant());
                    status.retryNow(url);
                    return (wasOff ? "Turned " + url + " back on; it is read again at the next poll"
                            : "Retrying " + url + " at the next poll") + "; see how it went with: feeds list";
                }));
    }

    private static String title(FeedAdder.Outcome o) {
        return o.reason().isBlank() ? "" : " (" + o.reason() + ")";
    }

    private static List<String> numbered(List<FeedCheck.Candidate> candidates) {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            FeedCheck.Candidate c = candidates.get(i);
            lines.add((i + 1) + ". " + (c.title().isBlank() ? "" : c.title() + " — ") + c.url());
        }
        return lines;
    }
}
