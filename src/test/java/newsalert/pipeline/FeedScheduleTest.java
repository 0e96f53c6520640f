package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.FeedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedScheduleTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-03-01T08:00:00Z");
    private static final FeedSchedule SCHEDULE = new FeedSchedule(
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30)));
    private static final FeedConfig FEED = new FeedConfig("https://wire.test/rss", "Wire", null);

    /** interval 5 min doubled per failure in a row, capped at 30 min; a feed's own interval of 2 min too. */
    @ParameterizedTest
    @CsvSource({"0, 5, 5", "1, 5, 10", "2, 5, 20", "3, 5, 30", "40, 5, 30", "0, 2, 2", "2, 2, 8", "4, 2, 30"})
    void backOffDoublesUpToTheCap(int failuresBefore, int intervalMinutes, int expectedWaitMinutes) {
        FeedConfig feed = intervalMinutes == 5 ? FEED : new FeedConfig(FEED.url(), "Wire", Duration.ofMinutes(2));
        FeedState state = new FeedState(FEED.url(), "\"v1\"", "Mon, 02 Mar 2026 09:00:00 GMT", FIRST, null, null,
                failuresBefore, "old");
        FeedState next = SCHEDULE.afterFailure(feed, state, NOW, "HTTP 503");
        assertThat(next.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(expectedWaitMinutes)));
        assertThat(next.failures()).isEqualTo(failuresBefore + 1);
        assertThat(next.lastError()).isEqualTo("HTTP 503");
        assertThat(next.etag()).isEqualTo("\"v1\"");
        assertThat(next.firstPollAt()).isEqualTo(FIRST);
        assertThat(next.lastPollAt()).isEqualTo(NOW);
    }

    @Test
    void aReadResetsFailuresKeepsItsValidatorsAndStampsTheFirstPollOnce() {
        FeedState never = FeedState.fresh(FEED.url());
        FeedState first = SCHEDULE.afterRead(FEED, never, "\"v2\"", null, NOW);
        assertThat(first).isEqualTo(new FeedState(FEED.url(), "\"v2\"", null, NOW, NOW, NOW.plusSeconds(300), 0, null));

        FeedState failing = new FeedState(FEED.url(), "\"v2\"", null, FIRST, NOW, NOW, 3, "timeout");
        Instant later = NOW.plusSeconds(60);
        assertThat(SCHEDULE.afterRead(FEED, failing, null, "Mon, 02 Mar 2026 10:01:00 GMT", later)).isEqualTo(
                new FeedState(FEED.url(), null, "Mon, 02 Mar 2026 10:01:00 GMT", FIRST, later, later.plusSeconds(300),
                        0, null));
        assertThat(SCHEDULE.afterNotModified(FEED, failing, later)).isEqualTo(
                new FeedState(FEED.url(), "\"v2\"", null, FIRST, later, later.plusSeconds(300), 0, null));
    }

    /** the server's Retry-After wins when it is longer than the back-off, and never shortens it */
    @ParameterizedTest
    @CsvSource({"0, 120, 120", "0, 2, 5", "3, 10, 30", "3, 360, 360"})
    void retryAfterDelaysTheNextTryBeyondTheBackOff(int failuresBefore, int retryAfterMinutes, int expectedWaitMinutes) {
        FeedState state = new FeedState(FEED.url(), null, null, FIRST, null, null, failuresBefore, null);
        FeedState next = SCHEDULE.afterFailure(FEED, state, NOW, "HTTP 429; wait", Duration.ofMinutes(retryAfterMinutes));
        assertThat(next.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(expectedWaitMinutes)));
        assertThat(next.lastError()).isEqualTo("HTTP 429; wait");
    }

    @Test
    void dueWhenNeverScheduledOrTheTimeHasCome() {
        assertThat(FeedSchedule.isDue(FeedState.fresh(FEED.url()), NOW)).isTrue();
        FeedState at = new FeedState(FEED.url(), null, null, FIRST, FIRST, NOW, 0, null);
        assertThat(FeedSchedule.isDue(at, NOW)).isTrue();
        assertThat(FeedSchedule.isDue(at, NOW.minusMillis(1))).isFalse();
    }
}
