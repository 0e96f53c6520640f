package newsalert.subscription;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import newsalert.story.Story;

/**
 * Writes times as a chat sees them: {@code 2025-08-28 14:30 UTC} in UTC, {@code 2025-08-28 17:30 UTC+3} in
 * {@code Europe/Kyiv} in summer, {@code 2025-08-28 20:00 UTC+5:30} in {@code Asia/Kolkata}. The offset is the
 * one in force at that instant, so summer and winter times differ, and a reader can always tell the UTC time.
 */
public final class ChatTime {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ChatTime() {
    }

    /** @return the instant in the zone, to the minute, with its UTC offset */
    public static String format(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone == null ? ZoneOffset.UTC : zone);
        return MINUTE.format(z) + " " + offset(z.getOffset());
    }

    /**
     * A feed entry's publication time as a chat reads it. A feed date without a time of day is read as midnight UTC
     * (RFC 3339 / JSON Feed date-only values, RSS dates without a time), so exactly midnight UTC is written as that
     * date alone ({@code 2025-06-10}): turned into a western zone it would name the evening before. Any other time
     * is {@link #format} in the zone.
     *
     * @param at   the entry's publication time
     * @param zone the chat's zone, or {@code null} for UTC
     * @return {@code yyyy-MM-dd} for a date-only time, else {@code yyyy-MM-dd HH:mm UTC±h}
     */
    public static String published(Instant at, ZoneId zone) {
        return isDateOnly(at) ? at.atZone(ZoneOffset.UTC).toLocalDate().toString() : format(at, zone);
    }

    /** @return whether the instant is exactly midnight UTC, as a feed date without a time of day is read */
    public static boolean isDateOnly(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    /** @return the instant's time of day in the zone, with its UTC offset: {@code 13:00 UTC}, {@code 15:00 UTC+2} */
    public static String clock(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone == null ? ZoneOffset.UTC : zone);
        return CLOCK.format(z) + " " + offset(z.getOffset());
    }

    /**
     * @return an event revision's line as a chat in {@code zone} reads it, e.g. {@code Updated 15:40 UTC+2: 19
     *         killed (was at least 12); 3 outlets} ({@code UTC} when the zone is null)
     */
    public static String updated(Story.Update update, ZoneId zone) {
        return "Updated " + clock(update.at(), zone) + (update.change().isEmpty() ? "" : ": " + update.change());
    }

    /**
     * @return the zone as a chat is told it: its IANA name ({@code Europe/Kyiv}), or for a fixed offset
     *         {@link #offset} ({@code UTC}, {@code UTC+3})
     */
    public static String name(ZoneId zone) {
        if (zone == null) {
            return "UTC";
        }
        ZoneId z = zone.normalized();
        return z instanceof ZoneOffset o ? offset(o) : zone.getId();
    }

    /** @return {@code UTC}, {@code UTC+3}, {@code UTC-3:30} */
    public static String offset(ZoneOffset offset) {
        int s = offset.getTotalSeconds();
        if (s == 0) {
            return "UTC";
        }
        int abs = Math.abs(s);
        String out = "UTC" + (s < 0 ? "-" : "+") + abs / 3600;
        int minutes = abs % 3600 / 60;
        return minutes == 0 ? out : out + ":" + (minutes < 10 ? "0" : "") + minutes;
    }
}
