package newsalert.time;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact duration form shared by the config file ({@code newsalert.config.Durations}) and the chat commands
 * ({@code feeds add <url> 30m}): numbers each followed by a unit, {@code ms}, {@code s}, {@code m}, {@code h} or
 * {@code d}, written together ({@code 1h30m}). Only the form lives here; each caller words its own errors (the
 * config names its file and key, a command its reply).
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");
    private static final long[] SIZES_MS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};

    private DurationText() {
    }

    /**
     * @param text lower-case text with no spaces, e.g. {@code 1h30m}
     * @return the sum of its parts; empty when the text is not wholly such parts (a sign, a space, an unknown
     *         unit, nothing at all) or when the sum is beyond {@link Duration}'s range
     */
    public static Optional<Duration> sumParts(String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (m.find()) {
                if (m.start() != end) {
                    return Optional.empty();
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
        } catch (ArithmeticException e) { // a sum past Duration's range
            return Optional.empty();
        }
        return end == 0 || end != text.length() ? Optional.empty() : Optional.of(total);
    }

    /**
     * Writes a duration the way {@link #sumParts} reads it back, in whole units, largest first: 90 s as
     * {@code 1m30s}, {@code 2h}, {@code 1d}, {@code 250ms}; zero as {@code 0s}.
     *
     * @param d a duration, not negative
     * @return its text
     */
    public static String compact(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long ms = d.toMillis();
        for (int i = 0; i < SIZES_MS.length; i++) {
            if (ms >= SIZES_MS[i]) {
                sb.append(ms / SIZES_MS[i]).append(UNITS[i]);
                ms %= SIZES_MS[i];
            }
        }
        return sb.toString();
    }
}
