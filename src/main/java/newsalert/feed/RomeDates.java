package newsalert.feed;

import com.rometools.rome.io.impl.DateParser;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

/**
 * Reads a feed date exactly as Rome's {@link DateParser#parseDate(String, Locale)} does with
 * {@link Locale#US} (the locale Rome's feed input uses), but without Rome's cost for the common forms.
 *
 * <p>Rome tries up to 23 {@code SimpleDateFormat} masks, a new formatter each, W3C forms first; that was
 * 15 % of {@code scan}'s time. Here the two forms almost every feed uses are read by hand first:
 * <ul>
 *   <li>RFC 822 / RFC 1123: {@code [Tue, ]10 Jun 2025 14:05[:30] ZONE}, English three-letter weekday and
 *       month names, a four-digit year, zone {@code GMT}, {@code UT}, {@code UTC}, {@code Z} or
 *       {@code +hhmm} / {@code -hhmm};</li>
 *   <li>RFC 3339 / W3C: {@code 2025-06-10}, or {@code 2025-06-10T14:05[:30[.f]]} with zone {@code Z} or
 *       {@code +hh:mm} / {@code -hh:mm}, where {@code f} has one to three digits read, as Rome reads them,
 *       as a whole number of milliseconds ({@code .5} is 5 ms).</li>
 * </ul>
 * Only texts on which Rome's answer is known to be the same are read here: no surrounding white space,
 * single spaces, years 1900–9999, fields within their calendar ranges (Rome's lenient rollover of
 * {@code 30 Feb} is left to Rome). Every other text goes to Rome's parser, so the result is always Rome's.
 * A weekday is not checked, as Rome does not check it. A text that starts with a word that is no English weekday
 * is answered {@code null} at once, as Rome answers after trying every mask. Thread-safe.
 */
final class RomeDates {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private RomeDates() {
    }

    /**
     * @param text a date element's text as Rome would pass it ({@code Element.getText()}), not {@code null}
     * @return what Rome's {@code DateParser.parseDate(text, Locale.US)} returns: the date, or {@code null}
     */
    static Date parse(String text) {
        Date fast = fast(text);
        if (fast != null || noEnglishWeekdayFirst(text)) {
            return fast;
        }
        return DateParser.parseDate(text, Locale.US);
    }

    private static final String[] WEEKDAY_NAMES = {"sunday", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    /**
     * Whether Rome is sure to read nothing: the text starts with a letter and not with an English weekday name
     * (any case; {@code Seg, 10 Set 2025} in a Portuguese feed). Every one of Rome's masks then fails at the
     * first character: the W3C masks and {@code dd MMM yy} want a number there, {@code EEE, ...} an English
     * weekday, and Rome's rewriting of the text keeps its first characters. Rome would try all 23 masks first.
     */
    static boolean noEnglishWeekdayFirst(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
            return false;
        }
        for (String name : WEEKDAY_NAMES) {
            if (text.regionMatches(true, 0, name, 0, name.length())) {
                return false;
            }
        }
        return true;
    }

    /** The date of one of the hand-read forms, or {@code null} when the text is not one of them. */
    static Date fast(String s) {
        int n = s.length();
        if (n < 10 || n > 40) {
            return null;
        }
        char first = s.charAt(0);
        return first >= '0' && first <= '9' && s.charAt(4) == '-' ? w3c(s) : rfc822(s);
    }

    /** {@code yyyy-MM-dd} or {@code yyyy-MM-ddTHH:mm[:ss[.f{1,3}]](Z|±hh:mm)}. */
    private static Date w3c(String s) {
        int n = s.length();
        if (s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (n == 10) {
            return date(year, month, day, 0, 0, 0, 0, 0);
        }
        if (n < 17 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int i = 16;
        int second = 0;
        int millis = 0;
        if (s.charAt(i) == ':') {
            if (i + 3 > n) {
                return null;
            }
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                if (i == start || i - start > 3) {
                    return null;
                }
                millis = digits(s, start, i - start);
            }
        }
        if (i >= n) {
            return null; // no zone: Rome reads none of these
        }
        int offset;
        if (s.charAt(i) == 'Z' && i + 1 == n) {
            offset = 0;
        } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 14 || om > 59) {
                return null;
            }
            offset = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        return date(year, month, day, hour, minute, second, millis, offset);
    }

    /** {@code [EEE, ]d{1,2} MMM yyyy HH:mm[:ss] ZONE}. */
    private static Date rfc822(String s) {
        int n = s.length();
        int i = 0;
        if (s.charAt(0) > '9') {
            if (!oneOf(s, 0, WEEKDAYS) || s.charAt(3) != ',' || s.charAt(4) != ' ') {
                return null;
            }
            i = 5;
        }
        int dayEnd = i;
        while (dayEnd < n && dayEnd - i < 3 && s.charAt(dayEnd) >= '0' && s.charAt(dayEnd) <= '9') {
            dayEnd++;
        }
        if (dayEnd == i || dayEnd - i > 2 || dayEnd >= n || s.charAt(dayEnd) != ' ') {
            return null;
        }
        int day = digits(s, i, dayEnd - i);
        i = dayEnd + 1;
        if (i + 16 > n) {
            return null; // "MMM yyyy HH:mm" and at least " Z" must follow
        }
        int month = -1;
        for (int m = 0; m < MONTHS.length; m++) {
            if (s.startsWith(MONTHS[m], i)) {
                month = m + 1;
                break;
            }
        }
        if (month < 0 || s.charAt(i + 3) != ' ' || s.charAt(i + 8) != ' ' || s.charAt(i + 11) != ':') {
            return null;
        }
        int year = digits(s, i + 4, 4);
        int hour = digits(s, i + 9, 2);
        int minute = digits(s, i + 12, 2);
        i += 14;
        int second = 0;
        if (s.charAt(i) == ':') {
            if (i + 3 >= n) {
                return null;
            }
            second = digits(s, i + 1, 2);
            i += 3;
        }
        if (i >= n || s.charAt(i) != ' ') {
            return null;
        }
        String zone = s.substring(i + 1);
        int offset;
        switch (zone) {
            case "GMT", "UT", "UTC", "Z" -> offset = 0;
            default -> {
                if (zone.length() != 5 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
                    return null;
                }
                int oh = digits(zone, 1, 2);
                int om = digits(zone, 3, 2);
                if (oh < 0 || om < 0 || oh > 14 || om > 59) {
                    return null;
                }
                offset = (zone.charAt(0) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            }
        }
        return date(year, month, day, hour, minute, second, 0, offset);
    }

    private static boolean oneOf(String s, int at, String[] names) {
        for (String name : names) {
            if (s.startsWith(name, at)) {
                return true;
            }
        }
        return false;
    }

    /** The number written by {@code len} ASCII digits at {@code at}, or -1 when any is not a digit. */
    private static int digits(String s, int at, int len) {
        if (at + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = at; k < at + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Date date(int year, int month, int day, int hour, int minute, int second, int millis,
                             int offsetSeconds) {
        if (year < 1900 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0) {
            return null;
        }
        try {
            long epoch = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC)
                    - offsetSeconds;
            return new Date(epoch * 1000 + millis);
        } catch (DateTimeException impossibleDay) {
            return null; // 31 June and the like: Rome rolls it over leniently, so Rome answers
        }
    }
}
