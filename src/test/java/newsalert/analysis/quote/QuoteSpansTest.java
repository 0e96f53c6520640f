package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quote-mark pairing and apostrophe handling in {@link QuoteSpans}. */
class QuoteSpansTest {
    private static List<String> inners(String p) {
        return QuoteSpans.find(p).stream().map(s -> s.inner(p)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "He said “yes, now” and left.|yes, now",
        "He said \"yes, now\" and left.|yes, now",
        "He said ‘yes, now’ and left.|yes, now",
        "He said 'yes, now' and left.|yes, now",
        "Conan O'Hara said 'we wait' today.|we wait",
        "Russia’s envoy said ‘never’ twice.|never",
        "“Outer ‘inner’ words,” she said.|Outer ‘inner’ words,",
    })
    void findsOneQuote(String paragraph, String inner) {
        assertThat(inners(paragraph)).containsExactly(inner);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Russia’s envoy didn’t come and O'Hara's team stayed.",
        "The players’ union met the ministers’ team.",
        "Rock 'n roll is not a quote.",
        "The ’90s were different.",
    })
    void apostrophesAreNotQuotes(String paragraph) {
        assertThat(inners(paragraph)).isEmpty();
    }

    @Test
    void pairsSeveralStraightQuotesInOrder() {
        assertThat(inners("\"One,\" he said. \"Two.\" Then \"three\"")).containsExactly("One,", "Two.", "three");
    }

    @Test
    void unclosedDoubleQuoteRunsToParagraphEnd() {
        String p = "She said: “The needs are growing.";
        List<QuoteSpan> spans = QuoteSpans.find(p);
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).closed()).isFalse();
        assertThat(spans.get(0).inner(p)).isEqualTo("The needs are growing.");
    }
}
