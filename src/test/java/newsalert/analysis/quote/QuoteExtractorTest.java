package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import java.util.List;
import java.util.Random;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;

/** Edge cases and the speed budget of {@link QuoteExtractor}. */
class QuoteExtractorTest {
    private final QuoteExtractor extractor = new QuoteExtractor();

    @Test
    void emptyAndNullTextGiveNoQuotes() {
        assertThat(extractor.extract(null)).isEmpty();
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract("No quotes at all.\n\nStill none.")).isEmpty();
    }

    @Test
    void resultIsUnmodifiable() {
        List<Quote> quotes = extractor.extract("“We will rebuild,” Mayor Ihor Terekhov said.");
        assertThat(quotes).containsExactly(new Quote("Ihor Terekhov", "Mayor", "We will rebuild"));
        assertThat(quotes).isUnmodifiable();
    }

    @Test
    void unbalancedMarksDoNotThrow() {
        assertThat(extractor.extract("“,” he said.\n\n\"\n\n” ” “ ‘ ’ '")).isEmpty();
    }

    /** Seeded random soup of marks, names and verbs: the extractor must never throw. */
    @Test
    void randomMarkSoupNeverThrows() {
        String[] parts = {"“", "”", "\"", "'", "‘", "’", ",", ".", " ", "\n\n", "said", "he", "Kellogg", "Mr.",
            "U.S.", "the", "envoy", ":", "—", "of", "Russia’s", "Ministry", "!", "?", "…", "von", "J.", "--", "told",
            "according to", "Thursday", "on", "while", "who", ";", "("};
        Random random = new Random(20251129L);
        int quotes = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(parts[random.nextInt(parts.length)]).append(random.nextBoolean() ? " " : "");
            }
            for (Quote q : extractor.extract(sb.toString())) {
                assertThat(q.speaker()).isNotBlank();
                assertThat(q.text()).isNotBlank();
                quotes++;
            }
        }
        assertThat(quotes).isPositive();
    }

    /** A 100 KB paragraph of capitalised words and marks must not trigger runaway regex backtracking. */
    @Test
    void hugeParagraphFinishesQuickly() {
        String text = "Alpha Beta Gamma von Delta, “Epsilon Zeta — Eta said ".repeat(1_000)
                + "“Theta iota,” Kappa Lambda said. “Mu nu,” he added. ".repeat(1_000);
        // a guard against catastrophic backtracking (minutes), not a speed goal: linear work takes ~0.2 s
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThat(extractor.extract(text)).hasSizeGreaterThan(1_000));
    }
}
