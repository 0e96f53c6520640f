package newsalert.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newsalert.metrics.FeedHealth;
import newsalert.store.StoreStatus;

/**
 * Renders a {@link StoreStatus} for {@code newsalert status}: lines for a person, or one JSON object
 * ({@code --json}) with the same figures. Times are UTC, to the second; ages and waits are written like
 * {@code 2h 5m}. Pure.
 */
final class StatusText {
    /** How many failing feeds are listed. */
    static final int WORST = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusText() {
    }

    /** @return the text report, lines ending in {@code \n}, feeds named by URL only */
    static String text(StoreStatus s, Instant now) {
        return text(s, now, Map.of());
    }

    /**
     * @param names the configured {@code name} of each feed by its URL (as the store holds it); a feed without
     *              one is written as its URL alone
     * @return the text report, lines ending in {@code \n}; a named feed reads {@code name (url)}, as in the log
     */
    static String text(StoreStatus s, Instant now, Map<String, String> names) {
        StringBuilder out = new StringBuilder();
        Map<FeedHealth, Integer> states = states(s.feeds());
        out.append("feeds: ").append(s.feeds().size()).append(" (").append(states.get(FeedHealth.ACTIVE))
                .append(" active, ").append(states.get(FeedHealth.BACKING_OFF)).append(" backing off, ")
                .append(states.get(FeedHealth.DISABLED)).append(" disabled)\n");
        List<StoreStatus.Feed> worst = worst(s.feeds());
        if (!worst.isEmpty()) {
            out.append("worst feeds:\n");
            for (StoreStatus.Feed f : worst) {
                String name = names.get(f.url());
                out.append("  ").append(name == null ? f.url() : name + " (" + f.url() + ")").append(": ")
                        .append(f.failures())
                        .append(f.failures() == 1 ? " failure" : " failures");
                if (f.failingSince() != null) {
                    out.append(" since ").append(time(f.failingSince())).append(" (")
                            .append(age(Duration.between(f.failingSince(), now))).append(" ago)");
                }
                out.append(", next try ").append(nextTry(f.nextPollAt(), now)).append("\n    last error: ")
                        .append(f.lastError() == null ? "(none recorded)" : f.lastError()).append('\n');
            }
        }
        long pending = s.outbox().values().stream().mapToLong(StoreStatus.Backlog::pending).sum();
        out.append("outbox: ").append(pending).append(" pending");
        if (pending > 0) {
            out.append(" (").append(s.outbox().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey().wireName() + " " + e.getValue().pending() + ", oldest "
                            + age(Duration.between(e.getValue().oldest(), now)) + " old"
                            + (e.getValue().unknown() > 0 ? ", " + e.getValue().unknown() + " unanswered (outcome"
                            + " unknown: may have arrived; sent again identically)" : ""))
                    .collect(Collectors.joining("; "))).append(')');
        }
        out.append('\n');
        out.append("subscriptions: ");
        out.append(s.subscriptions().isEmpty() ? "none" : s.subscriptions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().wireName() + " " + e.getValue().total()
                        + (e.getValue().paused() > 0 ? " (" + e.getValue().paused() + " paused)" : ""))
                .collect(Collectors.joining(", ")));
        out.append('\n');
        out.append("alerts: ").append(s.alertsLastHour()).append(" in the last hour, ").append(s.alertsLastDay())
                .append(" in the last day\n");
        out.append("instances: ");
        if (s.instances().isEmpty()) {
            out.append("none running (no run process renews its presence on this store)");
        } else {
            out.append(s.instances().size()).append(" running: ").append(s.instances().stream()
                    .map(StatusText::instance).collect(Collectors.joining("; ")));
        }
        out.append('\n');
        return out.toString();
    }

    /** @return e.g. {@code host/123/ab12cd (telegram-updates, poll; delivers to 12 chats)} */
    private static String instance(StoreStatus.Instance i) {
        String roles = String.join(", ", i.leases());
        String chats = "delivers to " + i.chatsClaimed() + (i.chatsClaimed() == 1 ? " chat" : " chats");
        return i.id() + " (" + (roles.isEmpty() ? "" : roles + "; ") + chats + ")";
    }

    /** @return the JSON report (see README "Monitoring" for the fields), every {@code name} null */
    static ObjectNode json(StoreStatus s, Instant now) {
        return json(s, now, Map.of());
    }

    /**
     * @param names the configured {@code name} of each feed by its URL; a feed without one gets {@code "name": null}
     * @return the JSON report (see README "Monitoring" for the fields)
     */
    static ObjectNode json(StoreStatus s, Instant now, Map<String, String> names) {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", time(now));
        ObjectNode feeds = root.putObject("feeds");
        feeds.put("total", s.feeds().size());
        states(s.feeds()).forEach((state, n) -> feeds.put(state.label(), n));
        ArrayNode worst = feeds.putArray("worst");
        for (StoreStatus.Feed f : worst(s.feeds())) {
            ObjectNode w = worst.addObject();
            w.put("url", f.url());
            w.put("name", names.get(f.url()));
            w.put("state", FeedHealth.of(f.failures(), f.lastError()).label());
            w.put("failures", f.failures());
            w.put("last_error", f.lastError());
            w.put("failing_since", f.failingSince() == null ? null : time(f.failingSince()));
            w.put("next_try", f.nextPollAt() == null ? null : time(f.nextPollAt()));
        }
        ObjectNode outbox = root.putObject("outbox");
        outbox.put("pending", s.outbox().values().stream().mapToLong(StoreStatus.Backlog::pending).sum());
        ObjectNode platforms = outbox.putObject("platforms");
        s.outbox().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode p = platforms.putObject(e.getKey().wireName());
            p.put("pending", e.getValue().pending());
            p.put("oldest", time(e.getValue().oldest()));
            p.put("oldest_age_seconds", Duration.between(e.getValue().oldest(), now).toSeconds());
            p.put("unknown", e.getValue().unknown());
        });
        ObjectNode subs = root.putObject("subscriptions");
        s.subscriptions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode p = subs.putObject(e.getKey().wireName());
            p.put("total", e.getValue().total());
            p.put("paused", e.getValue().paused());
        });
        ObjectNode alerts = root.putObject("alerts");
        alerts.put("last_hour", s.alertsLastHour());
        alerts.put("last_day", s.alertsLastDay());
        ArrayNode instances = root.putArray("instances");
        for (StoreStatus.Instance i : s.instances()) {
            ObjectNode n = instances.addObject();
            n.put("id", i.id());
            n.put("live_until", time(i.liveUntil()));
            ArrayNode leases = n.putArray("leases");
            i.leases().forEach(leases::add);
            n.put("chats_claimed", i.chatsClaimed());
        }
        return root;
    }

    private static Map<FeedHealth, Integer> states(List<StoreStatus.Feed> feeds) {
        Map<FeedHealth, Integer> out = new EnumMap<>(FeedHealth.class);
        for (FeedHealth h : FeedHealth.values()) {
            out.put(h, 0);
        }
        feeds.forEach(f -> out.merge(FeedHealth.of(f.failures(), f.lastError()), 1, Integer::sum));
        return out;
    }

    /** @return the failing feeds, most failures first, at most {@link #WORST} */
    private static List<StoreStatus.Feed> worst(List<StoreStatus.Feed> feeds) {
        return feeds.stream().filter(f -> f.failures() > 0).limit(WORST).toList();
    }

    private static String nextTry(Instant at, Instant now) {
        if (at == null || !at.isAfter(now)) {
            return "now (due)";
        }
        return time(at) + " (in " + age(Duration.between(now, at)) + ")";
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** @return e.g. {@code 45s}, {@code 4m 10s}, {@code 2h 5m}, {@code 3d 4h}; negative ages read as 0s */
    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 > 0 ? " " + s % 60 + "s" : "");
        }
        if (s < 86400) {
            return s / 3600 + "h" + (s % 3600 / 60 > 0 ? " " + s % 3600 / 60 + "m" : "");
        }
        return s / 86400 + "d" + (s % 86400 / 3600 > 0 ? " " + s % 86400 / 3600 + "h" : "");
    }
}
