package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.feed.FeedParser;
import newsalert.story.Story;
import newsalert.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The real case of issue 15, pattern 8, in {@code ../shared/corpus/feeds/reuters_worldnews_2018-01-30.xml}: a
 * roadside-bomb attack on a convoy in Idlib and, 24 minutes later, an air strike on a market in Idlib were
 * one event. Grouped as {@code scan --events} groups (published order, real assessor), they are two. The
 * stories are found by their link ids; no text of the feed is held here. Skipped when {@code ../shared} is
 * absent.
 */
class RealIdlibFeedTest {

    @Test
    void theConvoyAttackAndTheMarketStrikeAreTwoEvents() throws Exception {
        Path feed = Corpus.require("feeds/reuters_worldnews_2018-01-30.xml");
        List<Story> stories = new FeedParser().parse(Files.readAllBytes(feed), null, feed.toUri().toString(),
                Instant.parse("2018-01-31T00:00:00Z")).stories().stream()
                .sorted(Comparator.comparing(Story::published, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        EventGrouper g = new EventGrouper();
        stories.forEach(s -> g.add(s, assessor.assess(s)));
        Story convoy = byLinkId(stories, "idUSKBN1FJ2S4");
        Story market = byLinkId(stories, "idUSKBN1FJ2UK");
        EventId convoyEvent = g.eventOf(convoy.id()).orElseThrow();
        EventId marketEvent = g.eventOf(market.id()).orElseThrow();
        assertThat(marketEvent).isNotEqualTo(convoyEvent);
        Event marketOnly = g.event(marketEvent).orElseThrow();
        assertThat(marketOnly.stories()).extracting(EventStory::id).containsExactly(market.id());
        assertThat(marketOnly.casualties().killed().count().min()).isEqualTo(15);
        assertThat(g.event(convoyEvent).orElseThrow().casualties().killed().count().min()).isEqualTo(1);
    }

    private static Story byLinkId(List<Story> stories, String id) {
        return stories.stream().filter(s -> s.link() != null && s.link().endsWith(id)).findFirst().orElseThrow();
    }
}
