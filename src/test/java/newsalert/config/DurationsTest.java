package newsalert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"30s,30", "5m,300", "2h,7200", "1d,86400", "1h30m,5400", "PT5M,300", "1500ms,1", "' 5m ',300"})
    void parsesUnitsAndIso(String text, long seconds) {
        assertThat(Durations.parse(text).getSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"five minutes", "5x", "m5", "", "5m junk", "99999999999999999999s", "9999999999999999d"})
    void rejectsGarbageWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void errorNamesTheAcceptedForms() {
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("5m");
        assertThat(Durations.parse("1500ms")).isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @CsvSource({"-5m,5m", "PT-5M,PT5M", "' -90s',90s"})
    void aNegativeDurationIsCalledNegativeNotGarbage(String text, String fix) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage("'" + text.trim() + "' is a negative duration;"
                + " write a length of time without the minus, e.g. " + fix);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"PT0S, 0s", "PT0.25S, 250ms", "PT90S, 1m30s", "PT2H, 2h",
            "PT25H, 1d1h", "PT1H30M, 1h30m"})
    void formatWritesWhatParseReadsBack(String iso, String text) {
        java.time.Duration d = java.time.Duration.parse(iso);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(d);
    }

    @ParameterizedTest
    @CsvSource({"5,5", "' 9 ',9"})
    void aBareNumberBelowTenAsksForAUnitNamingBothReadings(String text, String n) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage("'" + n + "' has no unit; write " + n
                + "s for seconds or " + n + "m for minutes (also h, d, ms)");
    }

    @ParameterizedTest
    @CsvSource({"1 m,1m", "1h 30m,1h30m", "5 M,5m"})
    void aSpaceInsideIsNamedWithTheFix(String text, String fix) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage("'" + text + "' has a space inside; write it"
                + " without: " + fix);
    }

    @org.junit.jupiter.api.Test
    void aSpacedWordIsStillNotADuration() {
        assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageContaining("is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"600,600", "' 90 ',90", "10,10"})
    void aBareNumberOfTenOrMoreIsStillSecondsAsDocumentedBefore(String text, long seconds) {
        // configs written before session 6 keep starting; ConfigLoader warns that a unit is missing
        assertThat(Durations.parse(text)).isEqualTo(java.time.Duration.ofSeconds(seconds));
        assertThat(Durations.isUnitless(text)).isTrue();
        assertThat(Durations.isUnitless("600s")).isFalse();
    }
}
