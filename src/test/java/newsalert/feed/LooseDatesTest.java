package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Tue, 10 Jun 2025               | 2025-06-10T00:00:00Z
        2025-06-10                     | 2025-06-10T00:00:00Z
        10 Jun 2025                    | 2025-06-10T00:00:00Z
        10 June 2025                   | 2025-06-10T00:00:00Z
        Tuesday, 10 June 2025          | 2025-06-10T00:00:00Z
        June 10, 2025                  | 2025-06-10T00:00:00Z
        Jun 10th 2025                  | 2025-06-10T00:00:00Z
        2025/06/10                     | 2025-06-10T00:00:00Z
        '  2025-06-10  '               | 2025-06-10T00:00:00Z
        2025-06-10 14:05:30            | 2025-06-10T14:05:30Z
        2025-06-10 14:05 +0200         | 2025-06-10T12:05:00Z
        Friday, January 29, 2021 04:42 PM | 2021-01-29T16:42:00Z
        'Sat, Dec 16 2023 02:02:33 PM' | 2023-12-16T14:02:33Z
        2019-05-18 10:58:46 +0300      | 2019-05-18T07:58:46Z
        10 Jun 2025 12:00 AM GMT       | 2025-06-10T00:00:00Z
        """)
    void readsDatesRomeGivesUpOn(String text, String expected) {
        assertThat(LooseDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"31 Jun 2025", "2025-13-01", "yesterday", "10/06/2025", "03 Apr 02 1500 GMT",
            "Juneteenth 10, 2025", "2025-06-10 25:00", "13:00 PM 10 Jun 2025", " "})
    void otherTextIsNoDate(String text) {
        assertThat(LooseDates.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        <pubDate>Tue, 10 Jun 2025</pubDate>                             | 2025-06-10T00:00:00Z
        <pubDate>10 Jun 2025</pubDate>                                  | 2025-06-10T00:00:00Z
        <dc:date xmlns:dc='http://purl.org/dc/elements/1.1/'>June 10, 2025</dc:date> | 2025-06-10T00:00:00Z
        """)
    void rssItemsWithADateOnlyGetThatDayAtMidnightUtc(String dateElement, String expected) throws FeedException {
        String xml = "<rss version='2.0'><channel><title>T</title><item><title>Old story</title><guid>g1</guid>"
                + dateElement + "</item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);

        assertThat(feed.stories()).singleElement()
                .satisfies(s -> assertThat(s.published()).isEqualTo(Instant.parse(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        feed-dates-date-only.atom  | 2025-06-10T00:00:00Z | 2025-06-09T00:00:00Z
        """)
    void atomEntriesAndTheFeedDateAlsoTakeDateOnlyForms(String file, String first, String second)
            throws FeedException {
        ParsedFeed feed = Fixtures.parse(file);

        assertThat(feed.stories()).extracting(s -> s.published())
                .containsExactly(Instant.parse(first), Instant.parse(second));
    }
}
