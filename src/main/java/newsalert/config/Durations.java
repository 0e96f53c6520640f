package newsalert.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration strings used in the config file.
 *
 * <p>Accepted forms: a number with a unit suffix — {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d} (e.g. {@code "90s"}, {@code "5m"}, {@code "48h"}, {@code "1h30m"}) — or an ISO-8601
 * duration such as {@code "PT5M"}. A bare number is read as seconds.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Writes a duration the way {@link #parse} reads it back, in whole units: {@code 90s} as {@code 1m30s}, {@code
     * 2h}, {@code 1d}, {@code 250ms}; zero as {@code 0s}.
     *
     * @param d a duration, not negative
     * @return its text
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long ms = d.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms >= sizes[i]) {
                sb.append(ms / sizes[i]).append(units[i]);
                ms %= sizes[i];
            }
        }
        return sb.toString();
    }

    /**
     * @param text the duration as written in config
     * @return the parsed duration, never negative
     * @throws IllegalArgumentException when the text is not a duration, naming the accepted forms, or is a
     *                                  negative one ({@code -5m}, {@code PT-5M}), saying so
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.startsWith("-")) {
            throw negative(text);
        }
        if (s.startsWith("p")) {
            Duration iso;
            try {
                iso = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw bad(text);
            }
            if (iso.isNegative()) {
                throw negative(text);
            }
            return iso;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw bad(text);
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end != s.length() || end == 0) {
            throw bad(text);
        }
        return total;
    }

    private static IllegalArgumentException negative(String text) {
        String t = text.trim();
        return new IllegalArgumentException("'" + t + "' is a negative duration; write a length of time without"
                + " the minus, e.g. " + t.replace("-", ""));
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("'" + text
                + "' is not a duration; write e.g. 30s, 5m, 2h, 1d or ISO-8601 PT5M");
    }
}
