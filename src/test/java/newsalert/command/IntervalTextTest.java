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
    @ValueSource(strings = {"30m", "2h", "1h30m", "45s", "1d", "7d", "500ms", "PT45M", "pt2h", "5M"})
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
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "30 m", "1h 30m"})
    void refusesASmallBareNumberAndASpaceInsideLikeTheConfigFile(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBareNumberAsksForAUnitAndASpaceIsNamed() {
        assertThatThrownBy(() -> IntervalText.parse("300"))
                .hasMessage("'300' has no unit; write 300s for seconds or 300m for minutes (also h, d, ms)");
        assertThatThrownBy(() -> IntervalText.parse("1h 30m"))
                .hasMessage("'1h 30m' has a space inside; write it without: 1h30m");
    }
}
