package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixed offsets as users write them, including the form the bot itself prints ("UTC+5:30"). */
class ZoneNamesTest {
    @ParameterizedTest
    @CsvSource({"UTC+5:30, +05:30", "UTC-3:30, -03:30", "+05:30, +05:30", "+0530, +05:30", "UTC+3, +03:00",
            "GMT-12, -12:00", "utc+14, +14:00", "Europe/Kyiv, Europe/Kyiv"})
    void readsTheOffsetsAndNamesUsersWrite(String text, String zone) {
        assertThat(ZoneNames.parse(text)).contains(zone.contains("/") ? ZoneId.of(zone) : ZoneOffset.of(zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC+15", "UTC-13", "+5:75", "+12345", "UTC+5:3"})
    void refusesOffsetsNoPlaceUses(String text) {
        assertThat(ZoneNames.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void closestNamesAreGivenForTyposButNotForHostileLengths() {
        assertThat(ZoneNames.closest("Europe/Kyv", 3)).first().isEqualTo("Europe/Kyiv");
        // 64 characters still get suggestions; a longer text none (each suggestion is an edit distance to ~600
        // zone names: "Europe/Kyiv " x 330 cost 2.5 CPU-s per command before, tester18c)
        assertThat(ZoneNames.closest("x".repeat(64), 3)).hasSize(3);
        assertThat(ZoneNames.closest("Europe/Kyiv ".repeat(330), 3)).isEmpty();
        assertThat(ZoneNames.closest("a/b ".repeat(1000), 3)).isEmpty();
    }
}
