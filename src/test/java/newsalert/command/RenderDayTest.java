package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * tester18d: {@code Render.day} wrote a bare date for any time at midnight UTC, which read as a time left out — also
 * for a failing feed's next try, which is a real instant the bot works out.
 */
class RenderDayTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void aDateOnlyFeedDateSaysTheFeedGaveNoTimeInEveryZone() {
        Instant dateOnly = Instant.parse("2025-06-10T00:00:00Z");
        assertThat(Render.day(dateOnly)).isEqualTo("2025-06-10 (the feed gave no time)");
        // not turned into Kyiv's 03:00, and not into New York's 9 June
        assertThat(Render.day(dateOnly, KYIV)).isEqualTo("2025-06-10 (the feed gave no time)");
        assertThat(Render.day(dateOnly, ZoneId.of("America/New_York"))).isEqualTo("2025-06-10 (the feed gave no time)");
    }

    @Test
    void anyOtherTimeIsWrittenInTheChatsZoneWithItsOffset() {
        assertThat(Render.day(Instant.parse("2025-06-10T14:05:00Z"))).isEqualTo("2025-06-10 14:05 UTC");
        assertThat(Render.day(Instant.parse("2025-06-10T14:05:00Z"), KYIV)).isEqualTo("2025-06-10 17:05 UTC+3");
        assertThat(Render.day(Instant.parse("2025-06-09T21:00:00Z"), KYIV)).isEqualTo("2025-06-10 00:00 UTC+3");
    }

    @Test
    void aNextTryAtMidnightUtcMoreThanADayAwayHasItsTime() {
        Instant now = Instant.parse("2025-08-28T15:00:00Z");
        Instant next = Instant.parse("2025-08-30T00:00:00Z");
        assertThat(FeedHealthLine.nextTry(next, now)).isEqualTo("; next try 2025-08-30 00:00 UTC");
        assertThat(FeedHealthLine.nextTry(next, now, KYIV)).isEqualTo("; next try 2025-08-30 03:00 UTC+3");
        assertThat(FeedHealthLine.nextTry(Instant.parse("2025-08-29T00:00:00Z"), now, ZoneOffset.UTC))
                .isEqualTo("; next try 00:00 UTC");
    }
}
