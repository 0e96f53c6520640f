package newsalert.command;

import java.time.Duration;
import newsalert.time.DurationText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import newsalert.store.ChatFeed;
import newsalert.subscription.ChatTime;

/**
 * The health part of one {@code feeds list} line: {@code ok}, {@code not polled yet}, or {@code failing [since …]
 * (N tries in a row, last …): reason[; next try …]}, then when its newest item was first seen and how often it is
 * polled. Times are in the chat's zone ({@link ChatTime}: UTC by default, else with the offset in force at that
 * instant), to the minute; a server's Retry-After is part of the stored reason. The caller puts an
 * address the policy now refuses in its place ({@link FeedsCommand}).
 */
final class FeedHealthLine {
    private FeedHealthLine() {
    }

    /**
     * @param now the command's clock, for the next try
     * @return e.g. {@code "ok; last new item 2025-08-28 14:10 UTC; every 5m"}, or for a failing feed {@code
     *         "failing since 2025-08-28 11:00 UTC (4 tries in a row, last 2025-08-28 14:55 UTC): HTTP 503 (service
     *         unavailable); next try 16:00 UTC; last new item 2025-08-26 09:30 UTC; every 5m"} (the reason carries
     *         a server's Retry-After)
     */
    static String of(FeedStatus status, String url, Instant now) {
        return of(status, url, null, now);
    }

    /**
     * @param own the chat feed's own interval ({@code feeds add <url> 30m}), or {@code null} for the status's
     *            default one
     * @return as {@link #of(FeedStatus, String, Instant)}, ending with {@code every} the feed's own interval
     */
    static String of(FeedStatus status, String url, Duration own, Instant now) {
        return of(status, url, own, now, ZoneOffset.UTC);
    }

    /**
     * @param zone the chat's zone, every time written in it ({@link ChatTime})
     * @return as {@link #of(FeedStatus, String, Duration, Instant)}, times in the chat's zone
     */
    static String of(FeedStatus status, String url, Duration own, Instant now, ZoneId zone) {
        String every = "every " + duration(own == null ? status.interval() : own);
        return status.health(url).map(h -> {
            String since = h.failingSince() == null || h.failingSince().equals(h.lastPollAt()) ? ""
                    : " since " + ChatTime.format(h.failingSince(), zone);
            String state = h.failures() == 0 ? "ok"
                    : "failing" + since + " (" + h.failures() + (h.failures() == 1 ? " try" : " tries")
                            + " in a row, last " + ChatTime.format(h.lastPollAt(), zone) + "): "
                            + (h.lastError() == null ? "no reason given" : h.lastError())
                            + nextTry(h.nextPollAt(), now, zone);
            String last = h.lastNewItem() == null ? "no items yet"
                    : "last new item " + ChatTime.format(h.lastNewItem(), zone);
            return state + "; " + last + "; " + every;
        }).orElse("not polled yet; " + every);
    }

    /**
     * @param f a chat feed turned off for failing ({@link ChatFeed#disabled()})
     * @return e.g. {@code "turned off 2026-12-13 15:00 UTC after 7 days of failures: HTTP 404 (not found); turn it
     *         back on with: feeds retry https://x/feed"}
     */
    static String disabled(ChatFeed f) {
        return disabled(f, ZoneOffset.UTC);
    }

    /** @return as {@link #disabled(ChatFeed)}, the time in the chat's zone */
    static String disabled(ChatFeed f, ZoneId zone) {
        String reason = f.disabledReason() == null || f.disabledReason().isBlank() ? "no reason given"
                : f.disabledReason();
        return "turned off " + ChatTime.format(f.disabledAt(), zone) + " after 7 days of failures: " + reason
                + "; turn it back on with: feeds retry " + f.url();
    }

    /** @return when the feed's newest entry was first seen, if it was polled and had one */
    static Optional<Instant> lastNewItem(FeedStatus status, String url) {
        return status.health(url).map(FeedStatus.Health::lastNewItem);
    }

    /**
     * @param next when a failing feed is polled next, or {@code null} for "now"
     * @return {@code "; next try 17:00 UTC"} (with the date, {@code 2026-12-07 17:00 UTC}, when more than 20 h
     *         away), or {@code ""} when the feed is due now
     */
    static String nextTry(Instant next, Instant now) {
        return nextTry(next, now, ZoneOffset.UTC);
    }

    /** @return as {@link #nextTry(Instant, Instant)}, the time in the chat's zone ({@code 19:00 UTC+2}) */
    static String nextTry(Instant next, Instant now, ZoneId zone) {
        if (next == null || !next.isAfter(now)) {
            return "";
        }
        return "; next try " + (next.isAfter(now.plus(Duration.ofHours(20))) ? ChatTime.format(next, zone)
                : ChatTime.clock(next, zone));
    }

    /** @return {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, or a mix such as {@code 1h30m} */
    static String duration(Duration d) {
        return DurationText.compact(Duration.ofSeconds(d.getSeconds()));
    }

    /** @return the time as shown in lines, for callers and tests */
    static String time(Instant t) {
        return time(t, ZoneOffset.UTC);
    }

    /** @return the time in the chat's zone, as shown in lines */
    static String time(Instant t, ZoneId zone) {
        return ChatTime.format(t, zone);
    }
}
