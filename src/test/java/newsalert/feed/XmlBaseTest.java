package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlBaseTest {

    @Test
    void atomXmlBaseOnFeedEntryAndLinkResolvesRelativeLinks() throws FeedException {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes("atom-xml-base-nested.atom"), null,
                "https://feeds.example.com/atom.xml", Fixtures.NOW);

        assertThat(feed.stories()).extracting(Story::link).containsExactly(
                "https://news.example.org/world/kyiv/strike.html",
                "https://news.example.org/world/europe/talks.html?day=1",
                "https://mirror.example.net/archive/2025/june/10.html",
                "https://news.example.org/live/feed-updates");
    }

    @Test
    void aRelativeFeedBaseIsResolvedAgainstTheDocumentUrl() throws FeedException {
        String xml = "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='/desk/'><title>T</title>"
                + "<entry xml:base='africa/'><id>e1</id><title>One</title><link href='sahel.html'/></entry></feed>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null,
                "https://wire.example.org/feeds/all.atom", Fixtures.NOW);

        assertThat(feed.stories()).extracting(Story::link)
                .containsExactly("https://wire.example.org/desk/africa/sahel.html");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        https://ex.org/search?q=&lt;b&gt;strike&lt;/b&gt;     | https://ex.org/search?q=%3Cb%3Estrike%3C/b%3E
        https://ex.org/a b?x={y}                             | https://ex.org/a%20b?x=%7By%7D
        https://ex.org/list?ids[]=1&amp;p=100%                | https://ex.org/list?ids%5B%5D=1&p=100%25
        https://ex.org/ok%20already                          | https://ex.org/ok%20already
        """)
    void linksWithCharactersAUrlMayNotHoldAreEncodedNotDropped(String written, String expected)
            throws FeedException {
        String xml = "<rss version='2.0'><channel><title>T</title><item><title>One</title><link>" + written
                + "</link></item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);

        assertThat(feed.stories()).extracting(Story::link).containsExactly(expected);
    }
}
