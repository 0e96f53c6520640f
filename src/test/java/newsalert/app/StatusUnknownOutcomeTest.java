package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import newsalert.store.StoreStatus;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.Test;

/** {@code newsalert status} names the pending rows whose last send got no answer (issue 19, item 3). */
class StatusUnknownOutcomeTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static StoreStatus status(long unknown) {
        return new StoreStatus(List.of(), Map.of(Platform.TELEGRAM,
                new StoreStatus.Backlog(3, NOW.minusSeconds(90), unknown)), Map.of(), 0, 0);
    }

    @Test
    void theTextSaysHowManyRowsWaitAfterAnUnansweredSend() {
        assertThat(StatusText.text(status(1), NOW)).contains("outbox: 3 pending (telegram 3, oldest 1m 30s old, 1"
                + " unanswered (outcome unknown: may have arrived; sent again identically))");
        assertThat(StatusText.text(status(0), NOW)).doesNotContain("unanswered");
    }

    @Test
    void theJsonCountsThemPerPlatform() {
        assertThat(StatusText.json(status(2), NOW).path("outbox").path("platforms").path("telegram").path("unknown")
                .asLong()).isEqualTo(2);
    }
}
