package newsalert.command;

import java.time.Duration;
import java.util.Locale;
import newsalert.time.DurationText;

/**
 * Reads an interval a moderator typed the way the config file writes durations ({@code newsalert.config.Durations},
 * which this package may not depend on): a number with a unit — {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d} — or several ({@code 1h30m}), or ISO-8601 ({@code PT45M}). A bare number ({@code 300}) is refused
 * with a hint (seconds or minutes?), and so is a space inside ({@code 30 m}). A test keeps the two readers in
 * agreement.
 */
final class IntervalText {
    private IntervalText() {
    }

    /**
     * @param text the interval as typed
     * @return it as a duration, zero or more
     * @throws IllegalArgumentException when it is not one (negative ones included), with the reply's sentence
     */
    static Duration parse(String text) {
        String s = text == null ? "" : Digits.ascii(text).strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.startsWith("-")) {
            throw notOne(text);
        }
        if (s.startsWith("p")) {
            Duration iso;
            try {
                iso = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw notOne(text);
            }
            if (iso.isNegative()) {
                throw notOne(text);
            }
            return iso;
        }
        if (s.matches("\\d+")) {
            throw new IllegalArgumentException("'" + text.strip() + "' has no unit; write " + s + "s for seconds or "
                    + s + "m for minutes (also h, d, ms)");
        }
        if (s.indexOf(' ') >= 0) {
            String joined = s.replace(" ", "");
            parse(joined);
            throw new IllegalArgumentException("'" + text.strip() + "' has a space inside; write it without: "
                    + joined);
        }
        return DurationText.sumParts(s).orElseThrow(() -> notOne(text));
    }

    private static IllegalArgumentException notOne(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30m or 2h");
    }
}
