package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsalert.json.StoryJson;
import newsalert.store.OutboxStatus;
import newsalert.store.StoreException;
import newsalert.store.StoredStory;
import newsalert.store.StoryQueries;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/**
 * {@link StoryQueries} on the connection pool of a {@link JdbcNewsStore}; obtain it from
 * {@link JdbcNewsStore#queries()}. Title search uses {@code LOWER(title) LIKE ? ESCAPE '\'} once per word,
 * with {@code \}, {@code %} and {@code _} in the words escaped, which runs the same on SQLite and PostgreSQL.
 * Every lookup but {@link #delivery} is scoped to the asking chat (see {@link StoryQueries}) by SQL
 * conditions on {@code story.chat_only}, the chat's outbox rows and its {@code chat_feed} rows.
 */
public final class JdbcStoryQueries implements StoryQueries {
    /** A story of an alerted event reads as the event view (fused counts, all topics, merged quotes). */
    private static final String SELECT = "SELECT COALESCE(e.json, s.json), s.first_seen, s.alert FROM story s"
            + " LEFT JOIN event e ON e.id = s.event_id";

    /**
     * Whether story {@code s} is visible to a chat (arguments: platform, chat id, platform, chat id): shared,
     * routed to the chat, or stored from a feed the chat added (a chat-only story's id is its feed's own, so
     * its {@code feed_url} is that feed).
     */
    private static final String VISIBLE = "(NOT s.chat_only"
            + " OR EXISTS (SELECT 1 FROM outbox o WHERE o.story_id = s.id AND o.platform = ? AND o.chat_id = ?)"
            + " OR EXISTS (SELECT 1 FROM chat_feed cf WHERE cf.platform = ? AND cf.chat_id = ? AND cf.url = s.feed_url))";

    private final Db db;

    JdbcStoryQueries(Db db) {
        this.db = db;
    }

    @Override
    public List<StoredStory> latestAlerts(Target chat, int limit, Topic topic) {
        if (limit < 1) {
            return List.of();
        }
        // global alerts (in the order their console rows were queued), and this chat's chat-only stories by
        // their first outbox row here
        String join = SELECT + " JOIN (SELECT g.id AS story_id, g.alerted_at AS at, COALESCE((SELECT MIN(o.id)"
                + " FROM outbox o WHERE o.story_id = g.id AND o.platform = 'console' AND o.kind = 'send'), 0) AS seq"
                + " FROM story g WHERE g.alerted_at IS NOT NULL UNION ALL"
                + " SELECT o.story_id, MIN(o.created_at), MIN(o.id) FROM outbox o JOIN story c ON c.id = o.story_id"
                + " WHERE c.chat_only AND o.platform = ? AND o.chat_id = ? GROUP BY o.story_id) x"
                + " ON x.story_id = s.id";
        String order = " ORDER BY x.at DESC, x.seq DESC LIMIT ?";
        String platform = chat.platform().wireName();
        return query("cannot read latest alerts", topic == null
                ? read(join + order, platform, chat.chatId(), limit)
                : read(join + " WHERE (',' || s.topics || ',') LIKE ?" + order, platform, chat.chatId(),
                        "%," + topic.wireName() + ",%", limit));
    }

    @Override
    public List<StoredStory> searchTitles(Target chat, List<String> words, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (String w : words) {
            if (w == null || w.isBlank()) {
                continue;
            }
            where.append(" AND LOWER(s.title) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(w.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (args.isEmpty() || limit < 1) {
            return List.of();
        }
        args.addAll(0, visibleArgs(chat));
        args.add(limit);
        List<StoredStory> found = query("cannot search stories", read(SELECT + " WHERE " + VISIBLE + where
                + " ORDER BY s.first_seen DESC, s.id LIMIT ?", args.toArray()));
        // several stories of one alerted event read as the same event view: list it once
        Set<String> seen = new HashSet<>();
        return found.stream().filter(s -> seen.add(s.story().id())).toList();
    }

    @Override
    public Optional<StoredStory> story(Target chat, String id) {
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(visibleArgs(chat));
        return query("cannot read story " + id, read(SELECT + " WHERE s.id = ? AND " + VISIBLE, args.toArray()))
                .stream().findFirst();
    }

    private static List<Object> visibleArgs(Target chat) {
        String platform = chat.platform().wireName();
        return List.of(platform, chat.chatId(), platform, chat.chatId());
    }

    @Override
    public Optional<OutboxStatus> delivery(String storyId, Target t) {
        return db.read("cannot read delivery of " + storyId, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT status FROM outbox WHERE story_id = ?"
                            + " AND platform = ? AND chat_id = ? AND thread_id = ? ORDER BY id",
                    storyId, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()));
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OutboxStatus.fromWireName(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /** @return the text with {@code \}, {@code %} and {@code _} escaped by {@code \} for a LIKE pattern */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Read(String sql, Object[] args) {
    }

    private static Read read(String sql, Object... args) {
        return new Read(sql, args);
    }

    private List<StoredStory> query(String what, Read r) {
        return db.read(what, conn -> {
            List<StoredStory> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(conn, r.sql(), r.args());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode node = StoryJson.parse(rs.getString(1));
                    out.add(new StoredStory(StoryJson.storyFrom(node), StoryJson.assessmentFrom(node),
                            Jdbc.instant(rs, 2), rs.getBoolean(3)));
                }
                return out;
            }
        });
    }
}
