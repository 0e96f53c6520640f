package newsalert.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The poll cycle's INFO line and the feed states, as the issue words them. */
class PollCycleTest {
    @Test
    void logLineReadsAsTheIssueWritesIt() {
        PollCycle c = new PollCycle(812, 790, 3, 41, 2, Duration.ofMillis(4200), Instant.EPOCH);

        assertThat(c.logLine()).isEqualTo(
                "poll cycle: 812 feeds, 790 not modified, 3 errors, 41 new entries, 2 alerts, 4.2 s");
        assertThat(new PollCycle(1, 0, 0, 0, 0, Duration.ofMillis(49), Instant.EPOCH).logLine())
                .endsWith("0 alerts, 0.0 s");
    }

    @Test
    void aRefusedAddressDisablesAFeedOtherFailuresBackOff() {
        assertThat(FeedHealth.of(0, null)).isEqualTo(FeedHealth.ACTIVE);
        assertThat(FeedHealth.of(3, "HTTP 503")).isEqualTo(FeedHealth.BACKING_OFF);
        assertThat(FeedHealth.of(1, "refused: chat.test resolves to a loopback address (127.0.0.1)"))
                .isEqualTo(FeedHealth.DISABLED);
        assertThat(FeedHealth.BACKING_OFF.label()).isEqualTo("backing_off");
        assertThat(DeliveryOutcome.RATE_LIMITED.label()).isEqualTo("rate_limited");
        assertThat(FetchOutcome.NOT_MODIFIED.label()).isEqualTo("not_modified");
    }
}
