package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import newsalert.story.Casualties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Worst-case input: long repetitions of the words the extractor keys on must neither throw nor blow
 * up. The timeout only catches runaway (super-linear) work; speed figures belong to the benchmark.
 */
class CasualtyHostileInputTest {
    private final CasualtyExtractor extractor = new CasualtyExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"1, ", "no one no one was ", "at least at least ", "twenty-", "- - ", "of the of the ",
        "killed killed ", "including including "})
    void repeatedPieceGivesNoCountAndNoRunawayWork(String piece) {
        String text = piece.repeat(20_000);
        Casualties c = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extractor.extract(text, text));
        // none of these repetitions states a count
        assertThat(c).isEqualTo(Casualties.NONE);
    }
}
