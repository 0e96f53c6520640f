package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import newsalert.json.StoryJson;
import newsalert.store.Briefs;
import newsalert.store.OutboxKind;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * The daily brief's SQL (issue 18 item 5, V17): chats with a brief, the events a target was alerted to, and the
 * one-transaction queueing of a day's brief. Callers hold the connection's lock (and a transaction for writes).
 */
final class BriefSql {
    private BriefSql() {
    }

    /**
     * @return the chats with {@code brief_at} set, with their last brief date and instant, read through
     *         {@code settings}
     */
    static List<Briefs.Chat> chats(Connection conn, BiFunction<Platform, String, ChatSettings> settings)
            throws SQLException {
        List<Briefs.Chat> out = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT platform, chat_id, brief_last, brief_last_at"
                + " FROM chat_settings WHERE brief_at IS NOT NULL ORDER BY platform, chat_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] row = {rs.getString(1), rs.getString(2), rs.getString(3), null};
                long lastAt = rs.getLong(4);
                row[3] = rs.wasNull() ? null : Long.toString(lastAt);
                rows.add(row);
            }
        }
        for (String[] row : rows) {
            Platform platform;
            try {
                platform = Platform.fromWireName(row[0]);
            } catch (IllegalArgumentException e) {
                continue; // a platform this version does not know
            }
            ChatSettings chat = settings.apply(platform, row[1]);
            if (chat.brief() != null) {
                out.add(new Briefs.Chat(chat, date(row[2]), row[3] == null ? null : Instant.ofEpochMilli(
                        Long.parseLong(row[3]))));
            }
        }
        return out;
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
        String day = date.toString();
        int n;
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_settings SET brief_last = ?, brief_last_at = ?"
                + " WHERE platform = ? AND chat_id = ? AND (brief_last_at < ?"
                + " OR (brief_last_at IS NULL AND (brief_last IS NULL OR brief_last < ?)))",
                day, at.toEpochMilli(), platform.wireName(), chatId, due.toEpochMilli(), day)) {
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

    /** @return the chat's last brief date and instant with its settings (read through {@code settings}) */
    static Briefs.Chat chat(Connection conn, Platform platform, String chatId,
                            BiFunction<Platform, String, ChatSettings> settings) throws SQLException {
        String last = null;
        Instant lastAt = null;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT brief_last, brief_last_at FROM chat_settings"
                + " WHERE platform = ? AND chat_id = ?", platform.wireName(), chatId);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                last = rs.getString(1);
                long at = rs.getLong(2);
                lastAt = rs.wasNull() ? null : Instant.ofEpochMilli(at);
            }
        }
        return new Briefs.Chat(settings.apply(platform, chatId), date(last), lastAt);
    }

    /** Sets {@code brief_last_at}: the next brief of the chat covers the events alerted after {@code from}. */
    static int startWindow(Connection conn, Platform platform, String chatId, Instant from) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_settings SET brief_last_at = ?"
                + " WHERE platform = ? AND chat_id = ?", from.toEpochMilli(), platform.wireName(), chatId)) {
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
