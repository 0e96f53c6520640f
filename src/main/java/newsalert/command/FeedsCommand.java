package newsalert.command;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsalert.store.ChatFeed;
import newsalert.store.ChatFeedStore;
import newsalert.store.FeedState;

/**
 * {@code feeds add|remove|list [url]}: the feeds this chat's moderators added. {@code add} accepts a URL
 * only when {@link AddressPolicy} allows it (http(s), public host) and {@link FeedCheck} confirms it serves
 * a feed, and at most {@value #MAX_PER_CHAT} per chat. {@code remove} takes the URL exactly as listed.
 * Moderators only.
 */
final class FeedsCommand implements Command {
    static final int MAX_PER_CHAT = 20;

    private final ChatFeedStore store;
    private final FeedCheck check;
    private final AddressPolicy policy;

    FeedsCommand(ChatFeedStore store, FeedCheck check, AddressPolicy policy) {
        this.store = store;
        this.check = check;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "feeds";
    }

    @Override
    public String usage() {
        return "feeds add|remove|list [url]";
    }

    @Override
    public String help() {
        return "feeds polled for this chat";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("action", "add, remove or list"),
                CommandOption.optional("url", "the feed's http or https address"));
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
     * @return {@code • url}; when its address is refused, that it is not polled and why; else when its last poll
     *         failed, the reason and when it is tried next, e.g. {@code •
     *         https://x/feed — last poll failed: HTTP 429 Too Many Requests; the site asks us to wait 2 h
     *         (Retry-After); next try 17:05 UTC}
     */
    private String listLine(ChatFeed f, CommandContext ctx) {
        Optional<String> refused = policy == null ? Optional.empty() : policy.refusedAddress(f.url());
        if (refused.isPresent()) {
            return "• " + f.url() + " — not polled: it " + refused.get()
                    + ", and this bot reads only public addresses for chat feeds";
        }
        Optional<FeedState> state = store.pollState(f.url());
        if (state.isEmpty() || state.get().lastError() == null || state.get().failures() == 0) {
            return "• " + f.url();
        }
        Instant next = state.get().nextPollAt();
        String when = next == null || !next.isAfter(ctx.clock().instant()) ? "" : "; next try "
                + (next.isAfter(ctx.clock().instant().plus(Duration.ofHours(20))) ? Render.day(next)
                : LocalTime.ofInstant(next, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES) + " UTC");
        return "• " + f.url() + " — last poll failed: " + state.get().lastError() + when;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.isEmpty()) {
            return usageReply("Say add, remove or list.");
        }
        String action = args.get(0).toLowerCase(Locale.ROOT);
        var platform = ctx.target().platform();
        String chat = ctx.target().chatId();
        if (action.equals("list")) {
            if (args.size() != 1) {
                return usageReply("feeds list takes no address.");
            }
            List<ChatFeed> feeds = store.chatFeeds(platform, chat);
            return Reply.of(feeds.isEmpty() ? "No feeds added here. Add one with: feeds add <url>"
                    : Render.list("Feeds added here:", feeds.stream().map(f -> listLine(f, ctx)).toList()));
        }
        if (!action.equals("add") && !action.equals("remove")) {
            return usageReply("Unknown action \"" + args.get(0) + "\".");
        }
        if (args.size() != 2) {
            return usageReply("Give one feed address.");
        }
        String url = args.get(1);
        if (action.equals("remove")) {
            return store.removeChatFeed(platform, chat, url) ? Reply.of("Removed feed " + url + ".")
                    : Reply.of("That feed is not in this chat's list. See: feeds list");
        }
        URI uri;
        try {
            uri = policy.check(url);
        } catch (IllegalArgumentException e) {
            return usageReply(e.getMessage());
        }
        List<ChatFeed> existing = store.chatFeeds(platform, chat);
        if (existing.stream().anyMatch(f -> f.url().equals(url))) {
            return Reply.of("That feed is already in this chat's list.");
        }
        if (existing.size() >= MAX_PER_CHAT) {
            return Reply.of("This chat already has " + existing.size() + " feeds, the most allowed. Remove one first"
                    + " with: feeds remove <url>");
        }
        FeedCheck.Result result = check.check(uri);
        if (!result.feed()) {
            return Reply.of("That address is not a feed we can read: " + result.problem());
        }
        store.addChatFeed(new ChatFeed(platform, chat, url, ctx.callerId(), ctx.clock().instant()));
        String title = result.title() == null || result.title().isBlank() ? "" : " (" + result.title() + ")";
        return Reply.of("Added feed " + url + title + ".");
    }
}
