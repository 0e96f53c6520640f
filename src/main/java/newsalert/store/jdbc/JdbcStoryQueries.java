package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
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
 * {@link StoryQueries} over the connection and lock of a {@link JdbcNewsStore}; obtain it from
 * {@link JdbcNewsStore#queries()}. Title search uses {@code LOWER(title) LIKE ? ESCAPE '\'} once per word,
 * with {@code \}, {@code %} and {@code _} in the words escaped, which runs the same on SQLite and PostgreSQL.
 */
public final class JdbcStoryQueries implements StoryQueries {
    /** A story of an alerted event reads as the event view (fused counts, all topics, merged quotes). */
    private static final String SELECT = "SELECT COALESCE(e.json, s.json), s.first_seen, s.alert FROM story s"
            + " LEFT JOIN event e ON e.id = s.event_id";

    private final Connection conn;
    private final Object lock;

    JdbcStoryQueries(Connection conn, Object lock) {
        this.conn = conn;
        this.lock = lock;
    }

    @Override
    public List<StoredStory> latestAlerts(int limit, Topic topic) {
        if (limit < 1) {
            return List.of();
        }
        String join = SELECT + " JOIN alert a ON a.story_id = s.id";
        return query("cannot read latest alerts", topic == null
                ? read(join + " ORDER BY a.id DESC LIMIT ?", limit)
                : read(join + " WHERE (',' || s.topics || ',') LIKE ? ORDER BY a.id DESC LIMIT ?",
                        "%," + topic.wireName() + ",%", limit));
    }

    @Override
    public List<StoredStory> searchTitles(List<String> words, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (String w : words) {
            if (w == null || w.isBlank()) {
                continue;
            }
            where.append(where.isEmpty() ? " WHERE " : " AND ").append("LOWER(s.title) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(w.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (args.isEmpty() || limit < 1) {
            return List.of();
        }
        args.add(limit);
        List<StoredStory> found = query("cannot search stories",
                read(SELECT + where + " ORDER BY s.first_seen DESC, s.id LIMIT ?", args.toArray()));
        // several stories of one alerted event read as the same event view: list it once
        Set<String> seen = new HashSet<>();
        return found.stream().filter(s -> seen.add(s.story().id())).toList();
    }

    @Override
    public Optional<StoredStory> story(String id) {
        return query("cannot read story " + id, read(SELECT + " WHERE s.id = ?", id)).stream().findFirst();
    }

    @Override
    public Optional<OutboxStatus> delivery(String storyId, Target t) {
        synchronized (lock) {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT status FROM outbox WHERE story_id = ?"
                            + " AND platform = ? AND chat_id = ? AND thread_id = ? ORDER BY id",
                    storyId, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()));
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OutboxStatus.fromWireName(rs.getString(1))) : Optional.empty();
            } catch (SQLException e) {
                throw new StoreException("cannot read delivery of " + storyId, e);
            }
        }
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
        synchronized (lock) {
            List<StoredStory> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(conn, r.sql(), r.args());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode node = StoryJson.parse(rs.getString(1));
                    out.add(new StoredStory(StoryJson.storyFrom(node), StoryJson.assessmentFrom(node),
                            Jdbc.instant(rs, 2), rs.getBoolean(3)));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException(what, e);
            }
        }
    }
}
