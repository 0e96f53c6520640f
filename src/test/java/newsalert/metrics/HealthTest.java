package newsalert.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code /health}'s body as a reader sees it (issue 16). */
class HealthTest {
    @Test
    void lastCycleIsWrittenToTheSecondInUtc() {
        Instant cycle = Instant.parse("2026-12-07T01:02:03.123456789Z");
        Clock clock = Clock.fixed(cycle.plusSeconds(30), ZoneOffset.UTC);
        Health health = new Health(() -> cycle, Duration.ofMinutes(15), () -> true, () -> Health.ChatState.OFF,
                () -> Health.ChatState.UP, clock);

        Health.Report r = health.check();

        assertThat(r.up()).isTrue();
        assertThat(r.body()).containsEntry("last_cycle", "2026-12-07T01:02:03Z")
                .containsEntry("telegram", "off").containsEntry("discord", "up");
    }
}
