package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RomeDates} must answer exactly what Rome's own date parser answers, and read the common forms itself. */
class RomeDatesTest {
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Seg", "tue", "Tuesday", "SUNDAY", "mer", "Dom", "Thurs"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
            "Dec", "June", "jun", "Set", "JUN"};
    private static final String[] ZONES = {"GMT", "UT", "UTC", "Z", "+0000", "-0500", "+0530", "+1400", "-1200",
            "EST", "EDT", "PST", "CET", "+05:30", "-05", "gmt", "+2400", "+0060", ""};

    @Test
    void commonFormsAreReadByHandWithRomesAnswer() {
        String[] common = {"Tue, 10 Jun 2025 14:05:30 GMT", "Tue, 10 Jun 2025 14:05:30 +0000",
                "Mon, 02 Dec 2019 23:59:59 -0500", "Wed, 1 Jan 2025 00:00:00 +0530", "10 Jun 2025 14:05 GMT",
                "Sun, 09 Feb 2020 08:00 UT", "Sat, 29 Feb 2020 12:00:00 Z", "Fri, 31 Dec 1999 23:59:59 UTC",
                "2025-06-10T14:05:30Z", "2025-06-10T14:05:30+02:00", "2025-06-10T14:05:30-05:00",
                "2025-06-10T14:05Z", "2025-06-10T14:05:30.123Z", "2025-06-10T14:05:30.5+01:00", "2025-06-10"};
        for (String s : common) {
            assertThat(RomeDates.fast(s)).as(s).isNotNull().isEqualTo(rome(s));
        }
        assertThat(RomeDates.fast("Tue, 10 Jun 2025 14:05:30 GMT").toInstant())
                .hasToString("2025-06-10T14:05:30Z");
        // Rome reads the fraction as a whole number of milliseconds, so ".5" is 5 ms, not half a second
        assertThat(RomeDates.fast("2025-06-10T14:05:30.5Z").toInstant()).hasToString("2025-06-10T14:05:30.005Z");
        // a wrong weekday is not checked (10 June 2025 is a Tuesday)
        assertThat(RomeDates.fast("Fri, 10 Jun 2025 14:05:30 GMT")).isEqualTo(rome("Fri, 10 Jun 2025 14:05:30 GMT"));
    }

    @Test
    void rareFormsAreLeftToRome() {
        String[] rare = {"Tue, 10 Jun 25 14:05:30 GMT", "Tue, 10 Jun 2025 14:05:30 EST", " 2025-06-10T14:05:30Z",
                "2025-06-10T14:05:30Z\n", "Tue, 31 Jun 2025 14:05:30 GMT", "2025-02-30T10:00:00Z",
                "2025-06-10T14:05:30.123456Z", "2025-06-10T14:05:30", "Seg, 10 Set 2025 14:05:30 -0300",
                "Tuesday, 10 June 2025 14:05:30 GMT", "2025-06", "1850-01-01T00:00:00Z", "Tue, 10 Jun 2025"};
        for (String s : rare) {
            assertThat(RomeDates.fast(s)).as(s).isNull();
            assertThat(RomeDates.parse(s)).as(s).isEqualTo(rome(s));
        }
        for (String s : new String[] {"Seg, 10 Set 2025 14:05:30 -0300", "mer, 12 nov 2025 10:00:00 +0100", "soon",
                "Dienstag, 10. Juni 2025", "x2025-06-10T14:05:30Z"}) {
            assertThat(RomeDates.noEnglishWeekdayFirst(s)).as(s).isTrue();
            assertThat(rome(s)).as(s).isNull();
        }
        for (String s : new String[] {"TUESDAY, 10 Jun 2025 14:05:30 GMT", "thu, 12 Jun 2025 10:00:00 GMT",
                "2025-06-10", " Seg"}) {
            assertThat(RomeDates.noEnglishWeekdayFirst(s)).as(s).isFalse();
        }
    }

    @Test
    void everyGeneratedTextGetsRomesAnswer() {
        Random random = new Random(13);
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 2_500; k++) {
            texts.add(rfc822(random));
            texts.add(w3c(random));
        }
        int fast = 0;
        for (String s : texts) {
            Date expected = rome(s);
            assertThat(RomeDates.parse(s)).as(s).isEqualTo(expected);
            if (RomeDates.fast(s) != null) {
                fast++;
            }
        }
        assertThat(fast).as("texts read by hand").isGreaterThan(texts.size() / 6);
    }

    private static String rfc822(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(4) > 0) {
            b.append(pick(r, WEEKDAYS)).append(r.nextInt(10) == 0 ? " " : ", ");
        }
        int day = r.nextInt(33);
        b.append(r.nextBoolean() && day < 10 ? "0" + day : String.valueOf(day)).append(' ');
        b.append(pick(r, MONTHS)).append(' ');
        int year = switch (r.nextInt(6)) {
            case 0 -> r.nextInt(100);
            case 1 -> 1800 + r.nextInt(150);
            default -> 1990 + r.nextInt(40);
        };
        b.append(year).append(r.nextInt(20) == 0 ? "  " : " ");
        b.append(two(r, 25)).append(':').append(two(r, 61));
        if (r.nextInt(4) > 0) {
            b.append(':').append(two(r, 62));
        }
        String zone = pick(r, ZONES);
        if (!zone.isEmpty()) {
            b.append(' ').append(zone);
        }
        return r.nextInt(30) == 0 ? b + " " : b.toString();
    }

    private static String w3c(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(10) == 0 ? 1850 + r.nextInt(100) : 1990 + r.nextInt(40)).append('-')
                .append(two(r, 14)).append('-').append(two(r, 33));
        if (r.nextInt(8) == 0) {
            return b.toString();
        }
        b.append(r.nextInt(15) == 0 ? 't' : 'T').append(two(r, 25)).append(':').append(two(r, 61));
        if (r.nextInt(5) > 0) {
            b.append(':').append(two(r, 61));
            if (r.nextInt(3) == 0) {
                b.append(r.nextInt(10) == 0 ? ',' : '.');
                int digits = 1 + r.nextInt(6);
                for (int k = 0; k < digits; k++) {
                    b.append(r.nextInt(10));
                }
            }
        }
        switch (r.nextInt(7)) {
            case 0 -> b.append('Z');
            case 1 -> b.append('z');
            case 2 -> { }
            case 3 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r, 16)).append(two(r, 61));
            default -> b.append(r.nextBoolean() ? '+' : '-').append(two(r, 16)).append(':').append(two(r, 61));
        }
        return b.toString();
    }

    private static String two(Random r, int bound) {
        int v = r.nextInt(bound);
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static Date rome(String s) {
        return DateParser.parseDate(s, Locale.US);
    }
}
