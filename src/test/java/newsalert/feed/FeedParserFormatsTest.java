package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserFormatsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
        rss091-netscape.xml     | Harbour Wire & Co | 2 | https://harbour.example.net/2025/06/ferry-aground | Ferry runs aground off Nordby, café owner helps rescue | https://harbour.example.net/2025/06/ferry-aground | 2025-06-02T06:00:00Z
        rss10-rdf.xml           | Valley Courier    | 1 | https://valley.example.org/news/flood-warning     | Flood warning issued for three districts               | https://valley.example.org/news/flood-warning     | 2025-03-14T08:15:00Z
        rss20.xml               | Metro Desk        | 2 | metro-4411                                        | Council approves budget                                | https://metro.example.com/council-budget          | 2025-02-04T17:20:00Z
        atom-relative-xhtml.atom| Border Monitor    | 2 | tag:monitor.example.org,2025:report-77            | Talks resume at border post                            | https://monitor.example.org/reports/talks-resume  | 2025-05-10T08:30:00Z
        """)
    void readsEachFormat(String file, String title, int count, String firstId, String firstTitle, String firstLink,
                         String firstPublished) throws FeedException {
        ParsedFeed feed = Fixtures.parse(file);

        assertThat(feed.title()).isEqualTo(title);
        assertThat(feed.stories()).hasSize(count);
        Story first = feed.stories().get(0);
        assertThat(first.id()).isEqualTo(firstId);
        assertThat(first.title()).isEqualTo(firstTitle);
        assertThat(first.link()).isEqualTo(firstLink);
        assertThat(first.published()).isEqualTo(Instant.parse(firstPublished));
        assertThat(first.source()).isEqualTo(title);
    }

    @Test
    void rss091RelativeLinkResolvesAgainstChannelLinkAndItemsWithoutDateTakeTheChannelDate() throws FeedException {
        Story second = Fixtures.parse("rss091-netscape.xml").stories().get(1);

        assertThat(second.link()).isEqualTo("https://harbour.example.net/2025/06/port-strike-off");
        assertThat(second.id()).isEqualTo("https://harbour.example.net/2025/06/port-strike-off");
        assertThat(second.published()).isEqualTo(Instant.parse("2025-06-02T06:00:00Z"));
    }

    @Test
    void contentEncodedWinsOverDescriptionAndKeepsParagraphs() throws FeedException {
        Story story = Fixtures.parse("rss20.xml").stories().get(0);

        assertThat(story.body()).isEqualTo("""
                The council approved the budget by 31 votes to 12.

                "We kept the libraries open," the mayor said.

                Opposition members walked out.

                Parks: up 4%

                Roads: down 2%""");
    }

    @Test
    void doubleEscapedEntitiesInDescriptionAreDecoded() throws FeedException {
        Story story = Fixtures.parse("rss20.xml").stories().get(1);

        assertThat(story.body()).isEqualTo("Engineers found a crack in a support beam, l'ufficio & the city said.");
        assertThat(story.id()).isEqualTo("https://metro.example.com/bridge");
        assertThat(story.published()).isNull();
    }

    @Test
    void atomXhtmlContentAndRelativeLinkWithoutLeadingSlash() throws FeedException {
        ParsedFeed feed = Fixtures.parse("atom-relative-xhtml.atom");

        assertThat(feed.stories().get(0).body())
                .isEqualTo("Delegations from both sides met for four hours on Saturday.\n\n"
                        + "A joint statement is expected on Monday.");
        Story second = feed.stories().get(1);
        assertThat(second.link()).isEqualTo("https://monitor.example.org/reports/checkpoint");
        assertThat(second.body()).isEqualTo("Traffic moved again after a two-day closure.");
        assertThat(second.published()).isEqualTo(Instant.parse("2025-05-10T11:00:00Z"));
    }

    @Test
    void relativeLinksFallBackToTheFeedUrlWhenTheFeedHasNoLink() throws FeedException {
        String xml = """
                <rss version="2.0"><channel><title>No link</title>
                <item><title>A</title><link>/a/1</link></item></channel></rss>""";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/rss+xml", "https://wire.example.com/feeds/main.xml", Fixtures.NOW);

        assertThat(feed.stories().get(0).link()).isEqualTo("https://wire.example.com/a/1");
    }
}
