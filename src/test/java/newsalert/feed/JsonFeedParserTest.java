package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFeedParserTest {

    @Test
    void jsonFeed10ItemsBecomeStoriesLikeRssEntries() throws FeedException {
        ParsedFeed feed = Fixtures.parse("jsonfeed-1.0.json");

        assertThat(feed.title()).isEqualTo("Lakeside Bulletin");
        assertThat(feed.stories()).extracting(Story::id)
                .containsExactly("1041", "lakeside-1042", "lakeside-1043");
        Story first = feed.stories().get(0);
        assertThat(first.title()).isEqualTo("Bridge reopens after repairs");
        assertThat(first.link()).isEqualTo("https://lakeside.example.com/2025/07/bridge-reopens");
        assertThat(first.published()).isEqualTo(Instant.parse("2025-07-14T07:30:00Z"));
        assertThat(first.source()).isEqualTo("Lakeside Bulletin");
        assertThat(first.body()).isEqualTo(
                "The east bridge reopened on Monday.\n\n\"Traffic is flowing again,\" the harbour master said.");
    }

    @Test
    void jsonFeed10FallsBackToExternalUrlContentTextAndDateOnlyModifiedDate() throws FeedException {
        Story second = Fixtures.parse("jsonfeed-1.0.json").stories().get(1);

        assertThat(second.title()).isEmpty();
        assertThat(second.link()).isEqualTo("https://elsewhere.example.org/ferry-timetable");
        assertThat(second.body()).isEqualTo("Ferry timetable changes from August.\n\nEvening sailings move to 19:00.");
        assertThat(second.published()).isEqualTo(Instant.parse("2025-07-15T00:00:00Z"));
    }

    @Test
    void futureDateIsDroppedAndSummaryServesAsBody() throws FeedException {
        Story third = Fixtures.parse("jsonfeed-1.0.json").stories().get(2);

        assertThat(third.published()).isNull();
        assertThat(third.body()).isEqualTo("A clock that runs ahead.");
    }

    @Test
    void jsonFeed11ContentTextWinsOverSummaryAndIdFallsBackToUrl() throws FeedException {
        ParsedFeed feed = Fixtures.parse("jsonfeed-1.1.json");

        assertThat(feed.title()).isEqualTo("Ridge Observer");
        assertThat(feed.stories()).hasSize(2);
        Story talks = feed.stories().get(0);
        assertThat(talks.id()).isEqualTo("https://ridge.example.net/p/771");
        assertThat(talks.title()).isEqualTo("Envoys meet at the valley crossing");
        assertThat(talks.body()).isEqualTo("Envoys from both sides met for three hours.\n\nNo statement followed.");
        assertThat(talks.published()).isEqualTo(Instant.parse("2025-08-02T18:05:00Z"));
        Story storm = feed.stories().get(1);
        assertThat(storm.id()).isEqualTo("https://ridge.example.net/p/772");
        assertThat(storm.body()).isEqualTo("Snow & wind closed the pass overnight.");
        assertThat(storm.published()).isEqualTo(Instant.parse("2025-08-03T11:00:00.250Z"));
    }

    /** issue 17 item 3: 1.0 author, 1.1 authors (names joined), the feed's own author for items naming none */
    @Test
    void authorsOfBothVersionsAreReadAndTheFeedsAuthorStandsForItemsWithoutOne() throws FeedException {
        assertThat(Fixtures.parse("jsonfeed-1.0.json").stories()).extracting(Story::author)
                .containsExactly("Ines Varga", "Desk editor", "Desk editor");
        assertThat(Fixtures.parse("jsonfeed-1.1.json").stories()).extracting(Story::author)
                .containsExactly("Tomas Reid, Aiko Mori", "Ridge newsroom");
        String odd = """
                {"version": "https://jsonfeed.org/version/1.1", "items": [
                  {"id": "a", "title": "A", "authors": [{"url": "https://x.test/nameless"}, {"name": " <b>Lee</b>\u202e "},
                     {"name": "Lee"}, "not an author"], "author": {"name": "Old style"}},
                  {"id": "b", "title": "B", "authors": "not a list", "author": {"name": "Old style"}},
                  {"id": "c", "title": "C", "author": "not an object"}]}""";
        assertThat(JsonFeedParser.parse(odd.getBytes(StandardCharsets.UTF_8), null, Instant.EPOCH).stories())
                .extracting(Story::author).containsExactly("Lee", "Old style", null);
    }

    @Test
    void relativeLinkWithoutFeedBasesResolvesAgainstTheFetchedAddress() throws FeedException {
        String json = """
                {"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a","url":"story/9","title":"T"}]}""";

        ParsedFeed feed = new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json",
                "https://news.example.org/feeds/main.json", Fixtures.NOW);

        assertThat(feed.stories().get(0).link()).isEqualTo("https://news.example.org/feeds/story/9");
    }

    @Test
    void aDateNoCalendarHoldsIsDroppedAndTheFeedStillReads() throws FeedException {
        // tester17c: "+999999999-12-31T23:59:59Z" made the whole feed fail with a long-overflow exception
        String json = """
                {"version":"https://jsonfeed.org/version/1.1","items":[
                 {"id":"far","title":"Far","date_published":"+999999999-12-31T23:59:59Z"},
                 {"id":"early","title":"Early","date_published":"-999999999-01-01T00:00:00Z",
                  "date_modified":"2025-08-01T10:00:00Z"}]}""";

        ParsedFeed feed = new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json",
                "https://news.example.org/feed.json", Fixtures.NOW);

        assertThat(feed.stories()).extracting(Story::id).containsExactly("far", "early");
        assertThat(feed.stories().get(0).published()).isNull();
        assertThat(feed.stories().get(1).published()).isEqualTo(Instant.parse("2025-08-01T10:00:00Z"));
    }

    @Test
    void byteOrderMarkAndLeadingWhitespaceStillReadAsJson() throws FeedException {
        byte[] json = "\uFEFF \n{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":\"x\",\"title\":\"Ça va\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(new FeedParser().parse(json, null, null, Fixtures.NOW).stories())
                .extracting(Story::title).containsExactly("Ça va");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        {"items": 3}                                              | not a feed: JSON without an "items" list is not a JSON Feed
        {"version":"2","items":[]}                                | not a feed: JSON Feed version "2" is not one of jsonfeed.org's
        {"version":"https://jsonfeed.org/version/1","items":[{"id" | not a feed: JSON is cut short at line 1, column 59
        {"items":[{"id":"a",}]}                                   | not a feed: JSON is malformed at line 1, column 21
        """)
    void notJsonFeedsGiveAPlainReason(String json, String reason) {
        assertThatThrownBy(() -> new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), null, null,
                Fixtures.NOW)).isInstanceOf(FeedException.class).hasMessage(reason);
    }

    @Test
    void deeplyNestedJsonIsRefusedByTheDepthLimit() {
        String json = "{\"items\":[" + "[".repeat(10_000) + "]".repeat(10_000) + "]}";

        assertThatThrownBy(() -> new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), null, null,
                Fixtures.NOW)).isInstanceOf(FeedException.class)
                .hasMessage("not a feed: JSON is nested more than 64 levels deep");
    }

    /** tester17f: an id of 100,000 digits was "JSON is malformed". */
    @Test
    void aNumberTooLongToReadIsNamedAsSuch() {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":" + "7".repeat(100_000)
                + "}]}";

        assertThatThrownBy(() -> new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), null, null,
                Fixtures.NOW)).isInstanceOf(FeedException.class)
                .hasMessage("not a feed: JSON is holding a number longer than 1000 digits");
    }

    @Test
    void rssStillGoesToTheXmlParser() throws FeedException {
        assertThat(Fixtures.parse("rss20.xml").stories()).extracting(Story::id).startsWith("metro-4411");
        assertThat(List.of(JsonFeedParser.looksLikeJson("<rss/>".getBytes(StandardCharsets.UTF_8)),
                JsonFeedParser.looksLikeJson(" {".getBytes(StandardCharsets.UTF_8)))).containsExactly(false, true);
    }
}
