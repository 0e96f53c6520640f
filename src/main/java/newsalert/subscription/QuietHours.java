package newsalert.subscription;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat's nightly window in which alerts are sent silently (see {@link ChatSettings#LOUD_IN_QUIET_HOURS}).
 * Times are wall-clock times in the chat's zone, to the minute. The window starts at {@code from} (included)
 * and ends at {@code until} (excluded); when {@code until} is not after {@code from} it runs over midnight,
 * so {@code 23:00-07:00} covers 23:00 to 06:59.
 *
 * @param from  first minute of the window
 * @param until first minute after it; never equal to {@code from}
 */
public record QuietHours(LocalTime from, LocalTime until) {
    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (from.equals(until)) {
            throw new IllegalArgumentException("quiet hours need a start and an end that differ");
        }
    }

    /** @return whether the local time lies inside the window */
    public boolean contains(LocalTime t) {
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /**
     * Reads {@code HH:MM-HH:MM} as users type it ({@code 23:00-07:00}, {@code 7:30-9:00}); the dash may be any
     * of the dashes phones put in ({@code 23:00–07:00} with an en dash, an em dash, a minus sign).
     *
     * @return the window, empty when the text is not two different times of day joined by a dash
     */
    public static Optional<QuietHours> parse(String text) {
        String[] parts = text.strip().split("[-\u2010-\u2015\u2212]", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            LocalTime from = time(parts[0]);
            LocalTime until = time(parts[1]);
            return from.equals(until) ? Optional.empty() : Optional.of(new QuietHours(from, until));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String s) {
        String t = s.strip();
        if (!t.matches("\\d{1,2}:\\d{2}")) {
            throw new DateTimeParseException("not HH:MM", t, 0);
        }
        return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    }

    /** @return the window as {@link #parse} reads it: {@code 23:00-07:00} */
    @Override
    public String toString() {
        return from + "-" + until;
    }
}
