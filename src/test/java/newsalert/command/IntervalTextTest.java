package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import newsalert.config.Durations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code feeds add}'s interval reader agrees with the config file's ({@link Durations}). */
class IntervalTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"30m", "2h", "1h30m", "45s", "1d", "7d", "500ms", "300", "PT45M", "pt2h", "5M"})
    void readsWhatTheConfigFileReadsToTheSameLength(String text) {
        assertThat(IntervalText.parse(text)).isEqualTo(Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "-5m", "PT-5M", "5 minutes", "m5", "30x", "1h-30m", "99999999999999999999d"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> IntervalText.parse(text)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void examplesGiveTheirLengths() {
        assertThat(IntervalText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(IntervalText.parse("300")).isEqualTo(Duration.ofMinutes(5));
    }
}
