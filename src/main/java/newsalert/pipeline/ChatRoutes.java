package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.ChatFeed;
import newsalert.store.ChatFeedCap;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.ChatTime;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Platform;
import newsalert.subscription.Router;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;

/**
 * The poller's view of chats: which feeds a cycle reads (the configured ones, then those chats added), and
 * which subscriptions a feed's stories may go to (everyone's for a configured feed; only the adding chats'
 * for a chat-added one, under the hourly cap of {@code chat-feeds.max-alerts-per-hour}).
 */
final class ChatRoutes {
    private final Routing routing;
    private final Duration interval;
    private final Duration minInterval;

    /** @param routing subscriptions and chat feeds, or {@code null} when no chat platform runs */
    ChatRoutes(Routing routing) {
        this(routing, null);
    }

    /**
     * @param routing  subscriptions and chat feeds, or {@code null} when no chat platform runs
     * @param settings {@code poll.interval} (for chat feeds without their own) and {@code poll.min-interval} (a
     *                 chat feed's own interval below it, stored before the key was raised, is polled at this
     *                 instead); {@code null} for the defaults, 5m and 5m
     */
    ChatRoutes(Routing routing, PollSettings settings) {
        this.routing = routing;
        this.interval = settings == null ? Duration.ofMinutes(5) : settings.interval();
        this.minInterval = settings == null ? PollSettings.DEFAULT_MIN_INTERVAL : settings.minInterval();
    }

    /** @return the routing inputs for one feed's poll */
    Routes routesFor(PolledFeed feed) {
        return new Routes(feed.chats(), feed.chats() == null || routing == null ? null
                : new ChatFeedCap(routing.maxAlertsPerHour(), CAP_WINDOW,
                        (end, zone) -> capNotice(feed.config().url(), routing.maxAlertsPerHour(), end, zone)));
    }

    /** The length of a chat-added feed's cap window: {@code chat-feeds.max-alerts-per-hour} counts per hour. */
    static final Duration CAP_WINDOW = Duration.ofHours(1);

    /**
     * @return the notice a chat gets once per hour when a feed it added reaches the cap, e.g. "Held back: the
     *         feed https://x.test/rss brought more than 10 alerts and toll updates within an hour, the most a
     *         feed added with /feeds may send here (chat-feeds.max-alerts-per-hour in the bot's settings). The
     *         rest of this hour's alerts from it come in one digest at 16:00 UTC." — the time in the chat's zone
     *         with its offset ({@link ChatTime#clock}: {@code 18:00 UTC+2} in Europe/Kyiv in winter)
     * @param zone the chat's time zone; {@code null} for UTC
     */
    static String capNotice(String feedUrl, int max, Instant end, ZoneId zone) {
        return "Held back: the feed " + feedUrl + " brought more than " + max + " alerts and toll updates within an"
                + " hour, the most a feed added with /feeds may send here (chat-feeds.max-alerts-per-hour in the"
                + " bot's settings). The rest of this hour's alerts from it come in one digest at "
                + ChatTime.clock(end, zone) + ".";
    }

    /** @return the reader for the feed: the routing's guarded one for a chat-added feed */
    FeedReader readerFor(PolledFeed feed, FeedReader configured) {
        return feed.chats() == null ? configured : routing.chatFeedReader();
    }

    /**
     * The configured feeds, then each chat-added feed not among them (with the chats that added it), in the
     * order the store lists them. A chat-added feed is polled at its own interval ({@code feeds add <url> 30m}),
     * at least {@code poll.min-interval}; when several chats added it, at the shortest interval any of them gets
     * (one that gave none counts as {@code poll.interval}), so no chat waits longer than it asked. A feed no chat
     * gave an interval keeps {@code null} (polled at {@code poll.interval}). A feed turned off for a chat
     * ({@link ChatFeed#disabled()}) counts for that chat as not added: not read for it, no alerts to it.
     */
    List<PolledFeed> feedsToPoll(List<FeedConfig> configured) {
        List<PolledFeed> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (FeedConfig f : configured) {
            if (urls.add(f.url())) {
                out.add(new PolledFeed(f, null));
            }
        }
        if (routing == null) {
            return out;
        }
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        Map<String, Duration> intervals = new HashMap<>();
        Set<String> ownInterval = new HashSet<>();
        for (ChatFeed cf : routing.chatFeeds().allChatFeeds()) {
            if (!urls.contains(cf.url()) && !cf.disabled()) { // turned off for failing: not read for that chat
                owners.computeIfAbsent(cf.url(), u -> new HashSet<>()).add(chatKey(cf.platform(), cf.chatId()));
                Duration every = interval;
                if (cf.interval() != null) {
                    ownInterval.add(cf.url());
                    every = cf.interval().compareTo(minInterval) < 0 ? minInterval : cf.interval();
                }
                intervals.merge(cf.url(), every, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        owners.forEach((url, chats) -> out.add(new PolledFeed(new FeedConfig(url, null,
                ownInterval.contains(url) ? intervals.get(url) : null), chats)));
        return out;
    }

    static String chatKey(Platform platform, String chatId) {
        return platform.wireName() + ":" + chatId;
    }

    /** A feed to poll; {@code chats} holds the chats that added it, or {@code null} for a configured feed. */
    record PolledFeed(FeedConfig config, Set<String> chats) {
    }

    /** The routing inputs of one feed's poll, read from the store on first use. */
    final class Routes {
        private final Set<String> onlyChats;
        private final ChatFeedCap cap;
        private List<Subscription> subscriptions;
        private List<KeywordRule> rules;

        Routes(Set<String> onlyChats, ChatFeedCap cap) {
            this.onlyChats = onlyChats;
            this.cap = cap;
        }

        /** @return the cap on a chat-added feed's rows per target and hour; {@code null} for a configured feed */
        ChatFeedCap cap() {
            return cap;
        }

        /** @return whether the feed is the operator's (configured), so its alerts are global alerts */
        boolean global() {
            return onlyChats == null;
        }

        List<Target> targets(Story story, Assessment a) {
            if (routing == null || a.topics().isEmpty()) {
                return List.of();
            }
            if (subscriptions == null) {
                subscriptions = routing.subscriptions().allSubscriptions();
                rules = routing.subscriptions().allKeywordRules();
                if (onlyChats != null) {
                    subscriptions = subscriptions.stream()
                            .filter(s -> onlyChats.contains(chatKey(s.target().platform(), s.target().chatId())))
                            .toList();
                }
            }
            return subscriptions.isEmpty() ? List.of() : Router.route(story, a, subscriptions, rules);
        }
    }
}
