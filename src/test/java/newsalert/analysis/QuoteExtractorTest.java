package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** Guards against catastrophic backtracking: a long, mark-heavy story must stay fast. */
    @Test
    void longStoryIsFast() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append("German Chancellor Friedrich Merz said Russia had “shown its true face again,” while "
                    + "Kremlin spokesman Dmitry Peskov told reporters: “Nothing has changed.” "
                    + "The so-called “special military operation” went on, officials said.\n\n");
        }
        String text = sb.toString();
        for (int i = 0; i < 50; i++) {
            extractor.extract(text); // warm up
        }
        long start = System.nanoTime();
        int runs = 200;
        for (int i = 0; i < runs; i++) {
            assertThat(extractor.extract(text)).hasSize(24);
        }
        long perRunMicros = (System.nanoTime() - start) / runs / 1000;
        // about 3 KB; the design budget is ~100 µs per 2 KB, the bound here is loose for shared CI machines
        assertThat(perRunMicros).isLessThan(5_000);
    }
}
