package newsalert.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 section 10.2.3): either a number of seconds
 * ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}), the date measured from the
 * response's own {@code Date} header when it has one (so the two clocks need not agree), else from when
 * the response arrived. The wait is capped at {@link #MAX} so a mistaken or hostile header cannot silence a
 * feed for days; a wait in the past, a negative number or junk gives no wait ({@code null}).
 */
public final class RetryAfter {
    /** Longest wait honoured: 6 hours. */
    public static final Duration MAX = Duration.ofHours(6);

    private RetryAfter() {
    }

    /**
     * @param header     the {@code Retry-After} value, or {@code null}
     * @param dateHeader the response's {@code Date} value, or {@code null}
     * @param received   when the response arrived (used when there is no usable {@code Date})
     * @return the wait, between 1 second and {@link #MAX}, or {@code null} when there is none
     */
    public static Duration parse(String header, String dateHeader, Instant received) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        Duration wait;
        if (h.matches("\\d{1,12}")) {
            wait = Duration.ofSeconds(Long.parseLong(h));
        } else {
            Instant until = httpDate(h);
            if (until == null) {
                return null;
            }
            Instant from = dateHeader == null ? null : httpDate(dateHeader.strip());
            wait = Duration.between(from == null ? received : from, until);
        }
        if (wait.isNegative() || wait.isZero()) {
            return null;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }

    private static Instant httpDate(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the wait as the reasons write it: {@code 90 s}, {@code 15 min}, {@code 2 h}, {@code 1 h 30 min} */
    public static String describe(Duration wait) {
        long s = wait.getSeconds();
        if (s < 120) {
            return s + " s";
        }
        long minutes = (s + 59) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return h + " h" + (m == 0 ? "" : " " + m + " min");
    }
}
