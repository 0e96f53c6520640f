package newsalert.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the feed dates Rome gives up on, most of all dates without a time.
 *
 * <p>Accepted, as the whole text (case-insensitive, an English weekday in front allowed):
 * {@code 2025-06-10} (also with {@code /} or {@code .}), {@code 10 Jun 2025}, {@code 10 June 2025},
 * {@code June 10, 2025}, {@code Jun 10th 2025}; each optionally followed by a time {@code 14:05},
 * {@code 14:05:30} or {@code 2:05 PM} and a zone {@code Z}, {@code UT}, {@code UTC}, {@code GMT} or an
 * offset {@code +0530} / {@code -05:00}. A date without a time is that day at 00:00 UTC; a time without a
 * zone is read as UTC (off by at most the publisher's offset, which is far better than no date at all:
 * without one a years-old story counts as new). Anything else, and impossible days such as 31 June, give
 * {@code null}; the caller then applies {@link DatePolicy} as to any other date.
 */
final class LooseDates {
    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?"
            + "\\.?,?\\s+)?";
    private static final String TIME = "(?:(?:[t\\s]+|,\\s*|\\s+at\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
            + "\\s*([ap]\\.?m\\.?)?)?";
    private static final String ZONE = "(?:\\s*(z|ut|utc|gmt|[+-]\\d{2}:?\\d{2})(?:\\s*\\([a-z ]+\\))?)?";
    private static final Pattern ISO = Pattern.compile(
            "^" + WEEKDAY + "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + TIME + ZONE + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "^" + WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})" + TIME + ZONE + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "^" + WEEKDAY + "([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME + ZONE + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    private LooseDates() {
    }

    /**
     * @param text a date as written in a feed, or {@code null}
     * @return the instant it names (see the class comment), or {@code null} when it is not one of the forms
     */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || s.length() > 80) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return at(num(m, 1), num(m, 3), num(m, 4), m, 5);
        }
        m = DAY_MONTH.matcher(s);
        if (m.matches()) {
            return at(num(m, 3), month(m.group(2)), num(m, 1), m, 4);
        }
        m = MONTH_DAY.matcher(s);
        if (m.matches()) {
            return at(num(m, 3), month(m.group(1)), num(m, 2), m, 4);
        }
        return null;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT), 0);
    }

    /** Groups from {@code t}: hour, minute, second, am/pm, zone. */
    private static Instant at(int year, int month, int day, Matcher m, int t) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(t) != null) {
                int hour = Integer.parseInt(m.group(t));
                String half = m.group(t + 3);
                if (half != null) {
                    if (hour < 1 || hour > 12) {
                        return null;
                    }
                    hour = hour % 12 + (Character.toLowerCase(half.charAt(0)) == 'p' ? 12 : 0);
                }
                int second = m.group(t + 2) == null ? 0 : Integer.parseInt(m.group(t + 2));
                time = LocalTime.of(hour, Integer.parseInt(m.group(t + 1)), second);
            }
            return date.atTime(time).toInstant(offset(m.group(t + 4)));
        } catch (DateTimeException | NumberFormatException bad) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || !(zone.startsWith("+") || zone.startsWith("-"))) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = Integer.parseInt(digits.substring(3, 5));
        int sign = zone.startsWith("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
