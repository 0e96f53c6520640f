package newsalert.config;

import java.time.Duration;
import newsalert.time.DurationText;
import java.util.Locale;

/**
 * Parses the duration strings used in the config file.
 *
 * <p>Accepted forms: a number with a unit suffix — {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d} (e.g. {@code "90s"}, {@code "5m"}, {@code "48h"}, {@code "1h30m"}) — or an ISO-8601
 * duration such as {@code "PT5M"}. A bare number of 10 or more ({@code 600}) is read as seconds, as it always
 * was (configs written before stay valid; {@link #isUnitless} lets the config loader warn); a bare number below
 * 10 ({@code 5}, almost surely meant as minutes) is refused with a hint, and so is a number parted from its unit
 * by a space ({@code 1 m}).
 */
public final class Durations {

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
        return DurationText.compact(d);
    }

    /**
     * @param text the duration as written in config
     * @return the parsed duration, never negative
     * @throws IllegalArgumentException when the text is not a duration, naming the accepted forms; is a
     *                                  negative one ({@code -5m}, {@code PT-5M}), saying so; is a number
     *                                  below 10 without a unit ({@code 5}: "write 5s or 5m"); or has a space inside
     *                                  ({@code 1 m}: "write 1m")
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String t = text.trim();
        String s = t.toLowerCase(Locale.ROOT).replace(" ", "");
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
            if (s.length() > 2 || Integer.parseInt(s) >= 10) {
                return parseCompact(s + "s", text); // 10 or more: seconds, as documented before session 6
            }
            throw new IllegalArgumentException(unitless(t));
        }
        if (t.indexOf(' ') >= 0) {
            parseCompact(s, text); // garbage stays "not a duration"
            throw new IllegalArgumentException("'" + t + "' has a space inside; write it without: " + s);
        }
        return parseCompact(s, text);
    }

    /**
     * @param text a duration as written
     * @return whether it is a bare number (read as seconds when 10 or more): worth a warning naming the unit
     */
    public static boolean isUnitless(String text) {
        String t = text == null ? "" : text.strip();
        return !t.isEmpty() && t.chars().allMatch(Character::isDigit);
    }

    /**
     * @param number a number written without a unit, as the user wrote it
     * @return the sentence saying a unit is needed, with both likely readings ({@code 600s or 600m})
     */
    public static String unitless(String number) {
        String n = number.strip();
        return "'" + n + "' has no unit; write " + n + "s for seconds or " + n + "m for minutes (also h, d, ms)";
    }

    private static Duration parseCompact(String s, String text) {
        return DurationText.sumParts(s).orElseThrow(() -> bad(text));
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
