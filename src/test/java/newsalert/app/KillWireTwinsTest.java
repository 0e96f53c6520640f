package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.event.EventSettings;
import newsalert.feed.FeedParser;
import newsalert.pipeline.EventTracker;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;

/**
 * The kill test's wire ({@link KillWire}) groups as it means to: each twinned attack's two reports (two feeds, two
 * outlets) are one event, so that {@link ThreeInstancesTenKillsTest}'s "each twinned story alerted once per chat" is
 * what one instance gives. (The wire's attack i and i + 100 share city and weapon and may join one event too; the
 * kill test counts twinned stories' alerts by number, which such a join does not change.)
 */
class KillWireTwinsTest {
    private static final Instant T0 = Instant.parse("2026-03-03T05:00:00Z");
    private static final Duration SPACING = Duration.ofMillis(600); // as ThreeInstancesTenKillsTest

    @Test
    void eachTwinnedAttackIsOneEventOfTwoOutlets() throws Exception {
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < KillWire.STORIES; i++) {
            stories.addAll(parse(KillWire.item(i, KillWire.feedOf(i), T0.plus(SPACING.multipliedBy(i)), false),
                    KillWire.feedOf(i)));
            if (KillWire.isTwinned(i)) {
                stories.addAll(parse(KillWire.item(i, KillWire.twinFeedOf(i), T0.plus(SPACING.multipliedBy(i)), false),
                        KillWire.twinFeedOf(i)));
            }
        }
        stories.sort(Comparator.comparing(Story::published));
        EventTracker tracker = new EventTracker(EventSettings.defaults(), 1);
        for (Story s : stories) {
            tracker.offer(s, assessor.assess(s));
        }
        assertThat(KillWire.TWINNED).containsExactly(6, 26, 46, 66, 86);
        for (int i : KillWire.TWINNED) {
            String first = KillWire.guid(i);
            String second = "k14-f%02d-s%03d".formatted(KillWire.twinFeedOf(i), i);
            assertThat(tracker.eventOf(second)).as("story " + i).isEqualTo(tracker.eventOf(first));
            assertThat(tracker.outletsOf(first)).as("story " + i).isEqualTo(2);
        }
    }

    private static List<Story> parse(String item, int feed) throws newsalert.feed.FeedException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Kill Wire "
                + "%02d</title><link>http://127.0.0.1/k14/</link><description>d</description>%s</channel></rss>"
                        .formatted(feed, item);
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                "http://127.0.0.1/k14/f%02d.xml".formatted(feed), T0).stories().stream()
                .map(s -> new Story(s.id(), "Kill Wire %02d".formatted(feed), s.title(), s.link(), s.published(),
                        s.body(), s.image(), s.author()))
                .toList();
    }
}
