package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.metrics.FetchOutcome;
import newsalert.metrics.PollCycle;
import newsalert.metrics.micrometer.MicrometerMetrics;
import newsalert.store.FeedState;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/** One cycle's counting: fetch results, feed states, entries, alerts by topic and revisions. */
class CycleTallyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void countsEachFetchEachStateAndEachAlertTopic() {
        try (MicrometerMetrics m = new MicrometerMetrics()) {
            CycleTally t = new CycleTally(m, T0);
            t.fetched(new ReadResult.Read("Wire", List.of(), null, null));
            t.fetched(new ReadResult.NotModified());
            t.fetched(new ReadResult.Failed("HTTP 503"));
            t.fetched(new ReadResult.Failed("refused: intranet.test resolves to a private address (10.0.0.2)"));
            t.state(new FeedState("a", null, null, T0, T0, T0, 0, null));
            t.state(new FeedState("b", null, null, T0, T0, T0, 2, "HTTP 503"));
            t.state(new FeedState("c", null, null, null, T0, T0, 1, "refused: intranet.test resolves to a private"));
            t.recorded(new FeedEntries.Tally(4, 2, 3, 1, 1, List.of(Topic.ATTACK, Topic.ATTACK, Topic.DIPLOMACY)));

            PollCycle c = t.finish(T0.plusMillis(1500), true);

            assertThat(c).isEqualTo(new PollCycle(4, 1, 2, 4, 2, Duration.ofMillis(1500), T0.plusMillis(1500)));
            assertThat(CycleTally.outcome(new ReadResult.Failed("Refused: x"))).isEqualTo(FetchOutcome.REFUSED);
            String s = m.scrape();
            assertThat(s).contains("newsalert_feed_fetches_total{result=\"refused\"} 1.0",
                    "newsalert_feed_fetches_total{result=\"error\"} 1.0", "newsalert_feeds{state=\"disabled\"} 1.0",
                    "newsalert_feeds{state=\"backing_off\"} 1.0", "newsalert_feeds{state=\"active\"} 1.0",
                    "newsalert_alerts_total{topic=\"attack\"} 2.0", "newsalert_alerts_total{topic=\"diplomacy\"} 1.0",
                    "newsalert_events_revised_total 1.0", "newsalert_entries_new_total 4.0",
                    "newsalert_poll_cycle_seconds 1.5", "newsalert_poll_cycles_total 1.0");
            assertThat(m.lastCycleEnd()).isEqualTo(T0.plusMillis(1500));
        }
    }

    @Test
    void aPassWithNoFeedDueKeepsTheLastCycleDurationButCountsAsAlive() {
        try (MicrometerMetrics m = new MicrometerMetrics()) {
            CycleTally real = new CycleTally(m, T0);
            real.fetched(new ReadResult.NotModified());
            real.finish(T0.plusSeconds(4), true);
            CycleTally idle = new CycleTally(m, T0.plusSeconds(30));
            idle.state(new FeedState("a", null, null, T0, T0, T0.plusSeconds(300), 0, null));

            PollCycle c = idle.finish(T0.plusSeconds(30), true);

            assertThat(c.feeds()).isZero();
            assertThat(m.lastCycleEnd()).isEqualTo(T0.plusSeconds(30));
            assertThat(m.scrape()).contains("newsalert_poll_cycle_seconds 4.0", "newsalert_poll_cycles_total 1.0");
        }
    }
}
