package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newsalert.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6: {@link RomeDates} (the common RFC 822 / RFC 3339 forms read by hand, Rome's {@code DateParser}
 * for the rest) answers what Rome's parser alone answers for every date text of the feeds we have: the test
 * fixtures, the real feeds of {@code ../shared/corpus/feeds} when present, and written-here texts with rare zones.
 */
class RomeDatesCorpusTest {
    /** The date elements Rome reads in RSS 0.9x/2.0, Atom 0.3/1.0 and Dublin Core. */
    private static final Pattern DATE = Pattern.compile(
            "<((?:[\\w-]+:)?(?:pubDate|lastBuildDate|published|updated|modified|issued|created|date))(?:\\s[^>]*)?>"
                    + "(?:<!\\[CDATA\\[)?([^<\\]]*)");

    @Test
    void everyDateTextOfTheFeedsGetsRomesAnswer() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/feeds"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Path corpus = Corpus.root().resolve("feeds");
        boolean withCorpus = Files.isDirectory(corpus);
        if (withCorpus) {
            try (Stream<Path> s = Files.list(corpus)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        Set<String> texts = new LinkedHashSet<>();
        for (Path file : files) {
            Matcher m = DATE.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            while (m.find()) {
                texts.add(m.group(2));
                texts.add(m.group(2).trim()); // Rome passes some elements' text trimmed
            }
        }
        int byHand = 0;
        int dated = 0;
        for (String text : texts) {
            Date rome = DateParser.parseDate(text, Locale.US);
            assertThat(RomeDates.parse(text)).as("%s", text).isEqualTo(rome);
            if (RomeDates.fast(text) != null) {
                byHand++;
            }
            if (rome != null) {
                dated++;
            }
        }
        assertThat(texts).hasSizeGreaterThan(withCorpus ? 300 : 20);
        // most feeds write one of the two common forms: those are read without Rome's 23 masks
        assertThat(byHand).as("read by hand, of %d dated", dated).isGreaterThan(dated * 3 / 4);
    }

    @Test
    void rareZonesGetRomesAnswer() {
        String[] texts = {
            "Tue, 10 Jun 2025 14:05:30 +0545", // Nepal
            "Tue, 10 Jun 2025 14:05:30 -0930", // Marquesas
            "Tue, 10 Jun 2025 14:05:30 +1245", // Chatham Islands
            "Tue, 10 Jun 2025 14:05:30 +1400", "Tue, 10 Jun 2025 14:05:30 -1200",
            "Tue, 10 Jun 2025 14:05:30 -0000", "Tue, 10 Jun 2025 14:05:30 +1500", "Tue, 10 Jun 2025 14:05:30 +0099",
            "Tue, 10 Jun 2025 14:05:30 gmt", "Tue, 10 Jun 2025 14:05:30 GMT+1", "Tue, 10 Jun 2025 14:05:30 UTC+05:30",
            "Tue, 10 Jun 2025 14:05:30 EST", "Tue, 10 Jun 2025 14:05:30 CEST", "Tue, 10 Jun 2025 14:05:30 A",
            "Tue, 10 Jun 2025 14:05:30 +05:45", "Tue, 10 Jun 2025 14:05:30  GMT", "Tue, 10 Jun 2025 14:05:30",
            "2025-06-10T14:05:30+05:45", "2025-06-10T14:05:30-09:30", "2025-06-10T14:05:30+14:00",
            "2025-06-10T14:05:30-00:00", "2025-06-10T14:05:30+00:00", "2025-06-10T14:05:30z",
            "2025-06-10T14:05:30+0545", "2025-06-10T14:05:30+05", "2025-06-10T14:05:30.1234+05:45",
            "2025-06-10T14:05:30.007-03:00", "2025-06-10T23:59:59+15:00", "2025-06-10 14:05:30Z",
            "2025-12-31T23:30:00-01:00", "Thu, 01 Jan 1970 00:00:00 +0100", "Sun, 31 Dec 1899 23:00:00 -0100",
        };
        for (String text : texts) {
            assertThat(RomeDates.parse(text)).as("%s", text).isEqualTo(DateParser.parseDate(text, Locale.US));
        }
        // the hand-read forms with a rare offset, to the millisecond
        assertThat(RomeDates.fast("Tue, 10 Jun 2025 14:05:30 +0545").toInstant()).hasToString("2025-06-10T08:20:30Z");
        assertThat(RomeDates.fast("2025-06-10T14:05:30-09:30").toInstant()).hasToString("2025-06-10T23:35:30Z");
        assertThat(RomeDates.fast("2025-12-31T23:30:00-01:00").toInstant()).hasToString("2026-01-01T00:30:00Z");
    }
}
