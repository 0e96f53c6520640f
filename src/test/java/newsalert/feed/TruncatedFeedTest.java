package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;

/** A feed cut off inside its last item: the repair reads it, says so, and leaves the cut item out. */
class TruncatedFeedTest {
    @Test
    void theItemTheRepairClosedIsLeftOutAndTheReadSaysItWasRepaired() throws Exception {
        ParsedFeed feed = Fixtures.parse("broken/truncated-item.rss");
        assertThat(feed.title()).isEqualTo("Harbour Wire");
        assertThat(feed.stories()).extracting(Story::title).containsExactly(
                "Ferry timetable changes for the winter", "Lighthouse keepers open the tower to visitors");
        assertThat(feed.stories()).extracting(Story::link).containsExactly(
                "http://127.0.0.1/harbour/ferry-winter", "http://127.0.0.1/harbour/lighthouse");
        assertThat(feed.warning()).isEqualTo("repaired: the feed may be truncated; its last item is left out");
    }

    @Test
    void aFeedCutBetweenItemsKeepsEveryItemAndStillWarns() throws Exception {
        String whole = new String(Fixtures.bytes("broken/truncated-item.rss"), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.lastIndexOf("<item>"));
        ParsedFeed feed = new FeedParser().parse(cut.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);
        assertThat(feed.stories()).hasSize(2);
        assertThat(feed.warning()).isEqualTo(ParsedFeed.REPAIRED);
    }

    @Test
    void anAtomEntryCutShortIsLeftOutToo() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Valley Notes</title>"
                + "<id>urn:valley</id><updated>2025-08-05T10:00:00Z</updated>"
                + "<entry><id>urn:valley:1</id><title>Bridge repainted</title>"
                + "<link href=\"http://127.0.0.1/valley/1\"/><updated>2025-08-05T10:00:00Z</updated></entry>"
                + "<entry><id>urn:valley:2</id><title>School roof rep";
        ParsedFeed feed = new FeedParser().parse(atom.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);
        assertThat(feed.stories()).extracting(Story::title).containsExactly("Bridge repainted");
        assertThat(feed.warning()).isEqualTo(ParsedFeed.TRUNCATED_ITEM_LEFT_OUT);
    }

    @Test
    void aWholeFeedCarriesNoWarning() throws Exception {
        assertThat(Fixtures.parse("rss20.xml").warning()).isNull();
    }
}
