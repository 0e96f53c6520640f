package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import newsalert.store.ChatFeedStore;
import newsalert.store.FailingChatFeed;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed health in the chat: once per poll cycle (after the cycle's feed states are stored; never per entry), tells
 * each chat about a feed it added that keeps failing. A feed failing for {@link #NOTICE_AFTER} (24 h) gets one
 * notice naming the feed and its last failure; failing for {@link #DISABLE_AFTER} (7 days) it is turned off for
 * the chat, with a notice saying how to turn it back on ({@code feeds retry <url>}). Failures count from the
 * start of the feed's run of failures, or from when the chat added the feed or turned it back on, whichever is
 * later; a good read ends the run, so the next run gets its own notice. Notices go through the outbox
 * ({@link ChatFeedStore#noticeFailingChatFeed}), like every other message, their times written in the chat's zone
 * ({@code timezone}). Time is the poller's clock.
 */
final class FeedHealthWatch {
    /** How long a chat feed fails before its chat is told. */
    static final Duration NOTICE_AFTER = Duration.ofHours(24);
    /** How long a chat feed fails before it is turned off for its chat. */
    static final Duration DISABLE_AFTER = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(FeedHealthWatch.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ChatFeedStore feeds;
    private final SubscriptionStore settings;

    FeedHealthWatch(ChatFeedStore feeds) {
        this(feeds, null);
    }

    /** @param settings the chats' settings, for the zone a notice writes its time in; {@code null} for UTC */
    FeedHealthWatch(ChatFeedStore feeds, SubscriptionStore settings) {
        this.settings = settings;
        this.feeds = feeds;
    }

    /**
     * Queues the notices due at {@code now} and turns off the feeds failing for 7 days.
     *
     * @return the number of notices queued (one per chat and feed; a chat's several targets count once)
     */
    int check(Instant now) {
        int queued = 0;
        for (FailingChatFeed f : feeds.failingChatFeeds()) {
            Instant since = f.failingForChatSince();
            Duration failing = Duration.between(since, now);
            boolean disable = failing.compareTo(DISABLE_AFTER) >= 0;
            if (!disable && (f.noticed() || failing.compareTo(NOTICE_AFTER) < 0)) {
                continue;
            }
            ZoneId zone = settings == null ? ZoneOffset.UTC : settings.chatSettings(f.platform(), f.chatId()).zone();
            String note = disable ? disabledNotice(f.url(), since, f.lastError(), zone)
                    : failingNotice(f.url(), since, f.lastError(), zone);
            if (feeds.noticeFailingChatFeed(f, note, disable, f.lastError(), now)) {
                queued++;
                LOG.info("feed {}: {} chat {}:{} (failing since {})", f.url(),
                        disable ? "turned off for" : "failing notice to", f.platform().wireName(), f.chatId(),
                        TIME.format(since));
            }
        }
        return queued;
    }

    /**
     * @return e.g. {@code "The feed https://x.test/rss has failed every poll since 2026-12-06 15:00 UTC: HTTP 503
     *         Service Unavailable. It is still tried; after 7 days of failures it is turned off for this chat. See:
     *         /feeds list"}
     */
    static String failingNotice(String url, Instant since, String reason) {
        return failingNotice(url, since, reason, ZoneOffset.UTC);
    }

    /** @return as {@link #failingNotice(String, Instant, String)}, the time in the chat's zone ({@link ChatTime}) */
    static String failingNotice(String url, Instant since, String reason, ZoneId zone) {
        return "The feed " + url + " has failed every poll since " + ChatTime.format(since, zone) + ": " + reason(reason)
                + ". It is still tried; after " + DISABLE_AFTER.toDays() + " days of failures it is turned off for"
                + " this chat. See: /feeds list";
    }

    /**
     * @return e.g. {@code "Turned off: the feed https://x.test/rss failed every poll for 7 days (since 2026-12-06
     *         15:00 UTC): HTTP 404 (not found). It is no longer read for this chat. Turn it back on with: /feeds retry
     *         https://x.test/rss — or remove it with: /feeds remove https://x.test/rss"}
     */
    static String disabledNotice(String url, Instant since, String reason) {
        return disabledNotice(url, since, reason, ZoneOffset.UTC);
    }

    /** @return as {@link #disabledNotice(String, Instant, String)}, the time in the chat's zone ({@link ChatTime}) */
    static String disabledNotice(String url, Instant since, String reason, ZoneId zone) {
        return "Turned off: the feed " + url + " failed every poll for " + DISABLE_AFTER.toDays() + " days (since "
                + ChatTime.format(since, zone) + "): " + reason(reason) + ". It is no longer read for this chat. Turn it back"
                + " on with: /feeds retry " + url + " — or remove it with: /feeds remove " + url;
    }

    private static String reason(String r) {
        if (r == null || r.isBlank()) {
            return "no reason given";
        }
        String t = r.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
