package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryNormalizationTest {
    private static final Instant SEEN = Instant.parse("2025-06-01T12:00:00Z");

    private static Story onlyStory(String channelExtra, String itemXml) throws FeedException {
        String xml = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Desk</title>"
                + "<link>https://desk.example.com/</link>" + channelExtra + "<item>" + itemXml + "</item></channel></rss>";
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, SEEN).stories().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
        normal date                         | <pubDate>Sun, 01 Jun 2025 09:00:00 GMT</pubDate>       | ''                                                  | 2025-06-01T09:00:00Z
        no date at all                      | ''                                                     | ''                                                  | NULL
        5 minutes ahead is clock skew       | <pubDate>Sun, 01 Jun 2025 12:05:00 GMT</pubDate>       | ''                                                  | 2025-06-01T12:05:00Z
        11 minutes ahead is the future      | <pubDate>Sun, 01 Jun 2025 12:11:00 GMT</pubDate>       | ''                                                  | NULL
        next year                           | <pubDate>Mon, 01 Jun 2026 09:00:00 GMT</pubDate>       | ''                                                  | NULL
        before 1995                         | <pubDate>Fri, 01 Jan 1971 00:00:00 GMT</pubDate>       | ''                                                  | NULL
        unparseable month                   | <pubDate>Sun, 01 Sept 2025 09:00:00 GMT</pubDate>      | ''                                                  | NULL
        dc:date when no pubDate             | <dc:date>2025-05-31T22:00:00Z</dc:date>                | ''                                                  | 2025-05-31T22:00:00Z
        feed date when the item has none    | ''                                                     | <pubDate>Sun, 01 Jun 2025 08:00:00 GMT</pubDate>    | 2025-06-01T08:00:00Z
        feed date when the item is future   | <pubDate>Mon, 01 Jun 2026 09:00:00 GMT</pubDate>       | <pubDate>Sun, 01 Jun 2025 08:00:00 GMT</pubDate>    | 2025-06-01T08:00:00Z
        implausible feed date is dropped    | ''                                                     | <pubDate>Thu, 01 Jan 2099 08:00:00 GMT</pubDate>    | NULL
        """)
    void publishedKeepsOnlyPlausibleDates(String label, String itemDate, String channelDate, String expected)
            throws FeedException {
        Story story = onlyStory(channelDate, "<guid>d1</guid><title>T</title>" + itemDate);

        assertThat(story.published()).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        guid wins                      | <guid isPermaLink="false">wire-991</guid><link>https://desk.example.com/a</link> | wire-991
        permalink guid                 | <guid>https://desk.example.com/p/1</guid>                                        | https://desk.example.com/p/1
        link when no guid              | <link>https://desk.example.com/a</link>                                          | https://desk.example.com/a
        relative link made absolute    | <link>/b?id=2</link>                                                             | https://desk.example.com/b?id=2
        """)
    void idFallbackRules(String label, String itemXml, String expectedId) throws FeedException {
        assertThat(onlyStory("", "<title>Headline</title>" + itemXml).id()).isEqualTo(expectedId);
    }

    @Test
    void idIsAHashOfTitleAndOwnDateWhenThereIsNoGuidOrLink() throws Exception {
        String item = "<title>Blast at depot</title><pubDate>Sun, 01 Jun 2025 09:00:00 GMT</pubDate>";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("Blast at depot\n2025-06-01T09:00:00Z".getBytes(StandardCharsets.UTF_8)));

        Story story = onlyStory("", item);
        String xml = "<rss version=\"2.0\"><channel><title>Desk</title><item>" + item + "</item></channel></rss>";
        Story muchLater = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null,
                Instant.parse("2030-01-01T00:00:00Z")).stories().get(0);

        assertThat(story.id()).isEqualTo(expected).hasSize(64);
        assertThat(muchLater.id()).isEqualTo(expected);
        assertThat(story.link()).isNull();
    }

    @Test
    void idHashIgnoresTheFeedDateSoItStaysStable() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("Undated\n".getBytes(StandardCharsets.UTF_8)));

        Story story = onlyStory("<lastBuildDate>Sun, 01 Jun 2025 08:00:00 GMT</lastBuildDate>", "<title>Undated</title>");

        assertThat(story.id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        escaped tags                 | <title>&lt;b&gt;Breaking:&lt;/b&gt; talks   collapse</title>      | Breaking: talks collapse
        CDATA tags                   | <title><![CDATA[<em>Envoy</em> <br/>recalled]]></title>          | Envoy recalled
        double-escaped apostrophe    | <title>l&amp;#39;uomo arrestato</title>                         | l'uomo arrestato
        named entity                 | <title>Talks &amp;amp; truce</title>                             | Talks & truce
        newlines and nbsp            | <title>  Ceasefire&#160;holds&#10;&#10;  in north </title>        | Ceasefire holds in north
        """)
    void titlesArePlainText(String label, String titleXml, String expected) throws FeedException {
        assertThat(onlyStory("", "<guid>t</guid>" + titleXml).title()).isEqualTo(expected);
    }

    @Test
    void javascriptLinksAreDropped() throws FeedException {
        assertThat(onlyStory("", "<guid>j</guid><title>Click</title><link>javascript:alert(1)</link>").link()).isNull();
    }

    @Test
    void entriesWithNothingInThemAreSkipped() throws FeedException {
        String xml = "<rss version=\"2.0\"><channel><title>Desk</title><item><guid>empty</guid></item>"
                + "<item><guid>full</guid><title>Storm warning</title></item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, SEEN);

        assertThat(feed.stories()).extracting(Story::id).containsExactly("full");
    }
}
