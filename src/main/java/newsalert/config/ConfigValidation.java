package newsalert.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The range and form checks on a read configuration, each naming the key, its line and the value as written.
 */
final class ConfigValidation {
    private static final Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private ConfigValidation() {
    }

    /** @throws ConfigException at the first problem found */
    static void check(NewsalertConfig c, ConfigErrors err) {
        if (c.poll().interval().compareTo(Duration.ofSeconds(10)) < 0) {
            throw err.at("/poll/interval", "poll.interval must be at least 10s, got "
                    + err.written("/poll/interval"));
        }
        if (c.poll().minInterval().compareTo(Duration.ofSeconds(10)) < 0) {
            throw err.at("/poll/min-interval", "poll.min-interval must be at least 10s, got "
                    + err.written("/poll/min-interval"));
        }
        int readers = c.fetch().concurrency();
        if (readers < 1 || readers > FetchConfig.MAX_CONCURRENCY) {
            throw err.at("/fetch/concurrency", "fetch.concurrency must be 1 to " + FetchConfig.MAX_CONCURRENCY
                    + " (feeds fetched at the same time), got " + readers);
        }
        if (c.store().url() == null || !c.store().url().startsWith("jdbc:")) {
            throw err.at("/store/url", "store.url must be a JDBC URL such as jdbc:sqlite:data/newsalert.db");
        }
        if (!c.store().url().startsWith("jdbc:sqlite:") && !c.store().url().startsWith("jdbc:postgresql:")) {
            String url = c.store().shownUrl();
            String scheme = url.substring(0, url.indexOf(':', "jdbc:".length()) < 0 ? url.length()
                    : url.indexOf(':', "jdbc:".length()) + 1);
            throw err.at("/store/url", "store.url: " + scheme + " is not a database newsalert can use; it stores in"
                    + " SQLite (jdbc:sqlite:data/newsalert.db, the default) or PostgreSQL"
                    + " (jdbc:postgresql://host:5432/newsalert)");
        }
        int sev = c.analysis().alertSeverity();
        if (sev < 0 || sev > 100) {
            throw err.at("/analysis/alert-severity", "analysis.alert-severity must be 0..100, got " + sev);
        }
        String api = c.telegram().apiUrl();
        if (api == null || !(api.startsWith("http://") || api.startsWith("https://"))) {
            throw err.at("/telegram/api-url",
                    "telegram.api-url must be an http(s) URL such as https://api.telegram.org");
        }
        if (c.events().window().compareTo(Duration.ofHours(1)) < 0
                || c.events().window().compareTo(Duration.ofDays(14)) > 0) {
            throw err.at("/events/window", "events.window must be between 1h and 14d, got "
                    + err.written("/events/window"));
        }
        if (c.events().minOutlets() < 1 || c.events().minOutlets() > 10) {
            throw err.at("/events/min-outlets", "events.min-outlets must be 1 to 10 (distinct outlets that must"
                    + " report an event before it alerts), got " + c.events().minOutlets());
        }
        int cap = c.chatFeeds().maxAlertsPerHour();
        if (cap < 1 || cap > 1000) {
            throw err.at("/chat-feeds/max-alerts-per-hour", "chat-feeds.max-alerts-per-hour must be 1 to 1000 (alerts"
                    + " and toll updates one chat-added feed may send a chat per hour before the rest wait for a"
                    + " digest), got " + cap);
        }
        Duration wait = c.chatFeeds().addWait();
        if (wait.isNegative() || wait.compareTo(ChatFeedsConfig.MAX_ADD_WAIT) > 0) {
            throw err.at("/chat-feeds/add-wait", "chat-feeds.add-wait must be 0s to "
                    + ChatFeedsConfig.MAX_ADD_WAIT.toSeconds() + "s (how long feeds add waits for its check before"
                    + " answering \"Checking…\" and sending the answer later), got " + err.written("/chat-feeds/add-wait"));
        }
        MetricsConfig m = c.metrics();
        if (m.port() != null && (m.port() < 1 || m.port() > 65535)) {
            throw err.at("/metrics/port", "metrics.port must be a port number 1-65535 (or null for no endpoint),"
                    + " got " + m.port());
        }
        if (m.host() == null || m.host().isBlank()) {
            throw err.at("/metrics/host", "metrics.host must be an address to bind, such as 127.0.0.1 or 0.0.0.0");
        }
        String format = c.logging().format();
        if (!"text".equals(format) && !"json".equals(format)) {
            throw err.at("/logging/format", "logging.format must be text or json, got " + format);
        }
        DiscordConfig d = c.discord();
        if (d.apiUrl() != null && !(d.apiUrl().startsWith("http://") || d.apiUrl().startsWith("https://"))) {
            throw err.at("/discord/api-url",
                    "discord.api-url must be an http(s) URL such as https://discord.com/api/v10/");
        }
        if (d.gatewayUrl() != null && !(d.gatewayUrl().startsWith("ws://") || d.gatewayUrl().startsWith("wss://"))) {
            throw err.at("/discord/gateway-url",
                    "discord.gateway-url must be a ws(s) URL such as wss://gateway.discord.gg/");
        }
        if (d.guildId() != null && !d.guildId().matches("[0-9]{1,20}")) {
            throw err.at("/discord/guild-id", "discord.guild-id must be a server id (digits; Developer Mode →"
                    + " Copy Server ID), got " + d.guildId());
        }
        try {
            d.shards().shardIds();
        } catch (IllegalArgumentException e) {
            throw err.at(d.shards().total() != null && (d.shards().total() < 1
                    || d.shards().total() > DiscordShardsConfig.MAX_TOTAL) ? "/discord/shards/total"
                    : "/discord/shards/ids", e.getMessage());
        }
        for (int i = 0; i < c.feeds().size(); i++) {
            FeedConfig f = c.feeds().get(i);
            String at = "/feeds/" + i;
            if (f.url() == null || f.url().isBlank()) {
                throw err.at(at, "every entry under feeds: needs a url; write - url: https://…");
            }
            String lower = f.url().toLowerCase(Locale.ROOT);
            if (OTHER_SCHEME.matcher(f.url()).lookingAt() && !lower.startsWith("http://")
                    && !lower.startsWith("https://")) {
                throw err.at(at + "/url", "feed " + f.url() + ": only http(s) URLs and local file paths are read");
            }
            if (f.interval() != null && f.interval().compareTo(Duration.ofSeconds(10)) < 0) {
                throw err.at(at + "/interval", "feed " + f.url() + ": interval must be at least 10s, got "
                        + err.written(at + "/interval"));
            }
        }
    }
}
