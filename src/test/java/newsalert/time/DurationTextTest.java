package newsalert.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "1h30m, PT1H30M", "250ms, PT0.25S", "2d, PT48H", "1d2h3m4s5ms, PT26H3M4.005S",
            "0s, PT0S", "90s, PT1M30S"})
    void partsAreSummed(String text, String iso) {
        assertThat(DurationText.sumParts(text)).contains(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "m", "-5m", "5 m", "5x", "5m-", "1h 30m", "PT5M", "1234567890123456789s",
            "999999999999999999d"})
    void anythingElseIsNoDuration(String text) {
        assertThat(DurationText.sumParts(text)).as("'%s'", text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT1M30S, 1m30s", "PT2H, 2h", "PT24H, 1d", "PT0.25S, 250ms", "PT25H1.5S, 1d1h1s500ms"})
    void compactWritesWhatSumPartsReadsBack(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(DurationText.compact(d)).isEqualTo(text);
        assertThat(DurationText.sumParts(text)).contains(d);
    }
}
