package newsalert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How a feed entry's publication time reads in a chat's zone (issue 18, tester18e: date-only dates). */
class ChatTimeTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDateOnlyFeedDateStaysThatDayInAWesternZone() {
        Instant dateOnly = Instant.parse("2025-08-27T00:00:00Z");
        // in the zone it would be the evening before, 20:00 UTC-4: the feed said the 27th, so the 27th it is
        assertThat(ChatTime.format(dateOnly, NEW_YORK)).isEqualTo("2025-08-26 20:00 UTC-4");
        assertThat(ChatTime.published(dateOnly, NEW_YORK)).isEqualTo("2025-08-27");
        assertThat(ChatTime.published(dateOnly, null)).isEqualTo("2025-08-27");
        assertThat(ChatTime.isDateOnly(dateOnly)).isTrue();
    }

    @Test
    void aTimeOfDayIsWrittenInTheChatsZone() {
        Instant t = Instant.parse("2025-08-27T00:00:01Z");
        assertThat(ChatTime.isDateOnly(t)).isFalse();
        assertThat(ChatTime.published(t, NEW_YORK)).isEqualTo("2025-08-26 20:00 UTC-4");
        assertThat(ChatTime.published(Instant.parse("2025-08-27T14:30:00Z"), ZoneId.of("Europe/Kyiv")))
                .isEqualTo("2025-08-27 17:30 UTC+3");
    }
}
