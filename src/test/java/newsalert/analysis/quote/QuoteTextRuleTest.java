package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quote-text rule and sentence splitting used by the extractor. */
class QuoteTextRuleTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "sabotaging peace talks.|sabotaging peace talks",
        "egregious attacks,|egregious attacks",
        "All designated objects were hit,|All designated objects were hit",
        "No diplomatic mission should ever be a target.|No diplomatic mission should ever be a target.",
        "Who will pay?|Who will pay?",
        "we are waiting...|we are waiting...",
        "  padded words ,|padded words",
        "‘quoted’ start.|‘quoted’ start",
    })
    void cleansTrailingPunctuation(String inner, String expected) {
        assertThat(QuoteExtractor.cleanText(inner)).isEqualTo(expected);
    }

    @Test
    void abbreviationsAndInitialsEndNoSentence() {
        String p = "U.S. envoy Gen. Keith Kellogg met J. Smith. “Talks resume,” he said. Later he left.";
        List<Integer> starts = QuoteSentences.starts(p);
        assertThat(starts).containsExactly(0, p.indexOf('“'), p.indexOf("Later"));
    }
}
