package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import newsalert.json.StoryJson;
import newsalert.store.Briefs;
import newsalert.store.OutboxKind;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.QuietHours;
import newsalert.subscription.Target;

/**
 * The daily brief's SQL (issue 18 item 5, V17): chats with a brief, the events a target was alerted to, and the
 * one-transaction queueing of a day's brief. Callers hold the connection's lock (and a transaction for writes).
 */
final class BriefSql {
    private BriefSql() {
    }

    /** The columns {@link #chatFrom} reads, in its order. */
    private static final String CHAT_COLUMNS = "SELECT platform, chat_id, time_zone, quiet_from, quiet_until, pictures,"
            + " brief_at, brief_last, brief_last_at, brief_next_at, updated_at FROM chat_settings";

    /**
     * @return the chats with {@code brief_at} set, with their settings and last brief date and instant, read in one
     *         query (one connection, whatever the number of chats)
     */
    static List<Briefs.Chat> chats(Connection conn) throws SQLException {
        return read(conn, CHAT_COLUMNS + " WHERE brief_at IS NOT NULL ORDER BY platform, chat_id");
    }

    /**
     * @return the chats with {@code brief_at} set whose next brief instant ({@code brief_next_at}) is at or before
     *         {@code now} or not worked out yet (NULL: brief just set, settings changed, or stored before V25), in
     *         one query
     */
    static List<Briefs.Chat> due(Connection conn, Instant now) throws SQLException {
        return read(conn, CHAT_COLUMNS + " WHERE brief_at IS NOT NULL AND (brief_next_at IS NULL"
                + " OR brief_next_at <= ?) ORDER BY platform, chat_id", now.toEpochMilli());
    }

    private static List<Briefs.Chat> read(Connection conn, String sql, Object... args) throws SQLException {
        List<Briefs.Chat> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Briefs.Chat chat = chatFrom(rs);
                if (chat != null && chat.settings().brief() != null) {
                    out.add(chat);
                }
            }
        }
        return out;
    }

    /** @return the chat of a {@link #CHAT_COLUMNS} row; {@code null} for a platform this version does not know */
    private static Briefs.Chat chatFrom(ResultSet rs) throws SQLException {
        Platform platform;
        try {
            platform = Platform.fromWireName(rs.getString(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String chatId = rs.getString(2);
        int from = rs.getInt(4);
        boolean hasFrom = !rs.wasNull();
        int until = rs.getInt(5);
        boolean hasQuiet = hasFrom && !rs.wasNull() && from != until;
        QuietHours quiet = hasQuiet ? new QuietHours(JdbcSubscriptionStore.minute(from), JdbcSubscriptionStore.minute(until))
                : null;
        boolean pictures = rs.getBoolean(6);
        int brief = rs.getInt(7);
        LocalTime briefAt = rs.wasNull() ? null : JdbcSubscriptionStore.minute(brief);
        ChatSettings settings = new ChatSettings(platform, chatId, JdbcSubscriptionStore.zone(rs.getString(3)), quiet,
                pictures, briefAt);
        String last = rs.getString(8);
        Instant lastAt = instantOrNull(rs, 9);
        Instant next = instantOrNull(rs, 10);
        return new Briefs.Chat(settings, date(last), lastAt, next, rs.getLong(11));
    }

    private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    /**
     * @return the target's alerted events whose send row was created in (from, to], in routing order (a story has
     *         at most one send row per target)
     */
    static List<Briefs.Event> events(Connection conn, Target t, Instant from, Instant to) throws SQLException {
        List<Briefs.Event> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT o.story_id, COALESCE(e.json, s.json), e.first_json,"
                        + " s.event_id, o.created_at FROM outbox o JOIN story s ON s.id = o.story_id"
                        + " LEFT JOIN event e ON e.story_id = o.story_id"
                        + " WHERE o.platform = ? AND o.chat_id = ? AND o.thread_id = ? AND o.kind = ?"
                        + " AND o.created_at > ? AND o.created_at <= ?"
                        + " ORDER BY o.created_at, o.id",
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), OutboxKind.SEND.wireName(),
                from.toEpochMilli(), to.toEpochMilli());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode view = StoryJson.parse(rs.getString(2));
                String first = rs.getString(3);
                out.add(new Briefs.Event(rs.getString(1), StoryJson.storyFrom(view), StoryJson.assessmentFrom(view),
                        first == null ? null : StoryJson.assessmentFrom(StoryJson.parse(first)), List.of(),
                        Jdbc.instant(rs, 5)));
                out.set(out.size() - 1, withOutlets(conn, out.get(out.size() - 1), rs.getString(4)));
            }
        }
        return out;
    }

    /** @return the event with the source names of its stories (the lone story's own when it has no event) */
    private static Briefs.Event withOutlets(Connection conn, Briefs.Event e, String eventId) throws SQLException {
        Set<String> outlets = new LinkedHashSet<>();
        if (eventId != null) {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT json FROM story WHERE event_id = ?"
                    + " ORDER BY first_seen, id", eventId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String source = StoryJson.storyFrom(StoryJson.parse(rs.getString(1))).source();
                    if (source != null && !source.isBlank()) {
                        outlets.add(source.strip());
                    }
                }
            }
        }
        if (outlets.isEmpty() && e.story().source() != null && !e.story().source().isBlank()) {
            outlets.add(e.story().source().strip());
        }
        return new Briefs.Event(e.storyId(), e.story(), e.now(), e.first(), List.copyOf(outlets), e.routedAt());
    }

    /**
     * Records the date and instant and inserts the rows when the chat's last brief was queued before {@code due}
     * (a chat known by its date only: when that date is before {@code date}); the conditional update is the guard
     * against queueing a brief twice.
     *
     * @return whether the brief was queued
     */
    static boolean queue(Connection conn, Platform platform, String chatId, LocalDate date, Instant due,
                         List<Briefs.Row> rows, Instant at) throws SQLException {
        return queue(conn, new Briefs.Queued(platform, chatId, date, due, rows, at, null));
    }

    /**
     * {@link #queue(Connection, Platform, String, LocalDate, Instant, List, Instant)} for one brief that also records
     * the chat's next brief instant ({@link Briefs.Queued#next()}; NULL: work it out at the next look).
     *
     * @return whether the brief was queued
     */
    static boolean queue(Connection conn, Briefs.Queued brief) throws SQLException {
        String day = brief.date().toString();
        Platform platform = brief.platform();
        String chatId = brief.chatId();
        Instant at = brief.at();
        List<Briefs.Row> rows = brief.rows();
        int n;
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_settings SET brief_last = ?, brief_last_at = ?,"
                + " brief_next_at = ? WHERE platform = ? AND chat_id = ? AND (brief_last_at < ?"
                + " OR (brief_last_at IS NULL AND (brief_last IS NULL OR brief_last < ?)))",
                day, at.toEpochMilli(), brief.next() == null ? null : brief.next().toEpochMilli(),
                platform.wireName(), chatId, brief.due().toEpochMilli(), day)) {
            n = ps.executeUpdate();
        }
        if (n == 0) {
            return false;
        }
        for (Briefs.Row row : rows) {
            OutboxSql.insertRow(conn, row.storyId(), row.severity(), row.target(), OutboxKind.NOTICE, row.note(), null,
                    at);
        }
        return true;
    }

    /**
     * @return the chat's last brief date and instant with its settings, in one query; the defaults when the chat has
     *         no settings row
     */
    static Briefs.Chat chat(Connection conn, Platform platform, String chatId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, CHAT_COLUMNS + " WHERE platform = ? AND chat_id = ?",
                platform.wireName(), chatId); ResultSet rs = ps.executeQuery()) {
            Briefs.Chat chat = rs.next() ? chatFrom(rs) : null;
            return chat != null ? chat : new Briefs.Chat(ChatSettings.defaults(platform, chatId), null, null);
        }
    }

    /**
     * Records the next brief instant of chats found not due ({@link Briefs.Deferral}), each only when its row is as it
     * was read (the same {@code brief_last_at}, {@code brief_next_at} and {@code updated_at}: a brief queued by
     * another instance or a settings change in between wins).
     *
     * @return how many chats were updated
     */
    static int defer(Connection conn, List<Briefs.Deferral> deferrals) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = conn.prepareStatement("UPDATE chat_settings SET brief_next_at = ?"
                + " WHERE platform = ? AND chat_id = ? AND COALESCE(brief_last_at, -1) = ?"
                + " AND COALESCE(brief_next_at, -1) = ? AND updated_at = ?")) {
            for (Briefs.Deferral d : deferrals) {
                Briefs.Chat c = d.chat();
                ps.setLong(1, d.next().toEpochMilli());
                ps.setString(2, c.settings().platform().wireName());
                ps.setString(3, c.settings().chatId());
                ps.setLong(4, c.lastAt() == null ? -1 : c.lastAt().toEpochMilli());
                ps.setLong(5, c.next() == null ? -1 : c.next().toEpochMilli());
                ps.setLong(6, c.version());
                ps.addBatch();
            }
            for (int k : ps.executeBatch()) {
                n += Math.max(k, 0);
            }
        }
        return n;
    }

    /** Sets {@code brief_last_at}: the next brief of the chat covers the events alerted after {@code from}. */
    static int startWindow(Connection conn, Platform platform, String chatId, Instant from) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_settings SET brief_last_at = ?,"
                + " brief_next_at = NULL WHERE platform = ? AND chat_id = ?", from.toEpochMilli(), platform.wireName(), chatId)) {
            return ps.executeUpdate();
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
