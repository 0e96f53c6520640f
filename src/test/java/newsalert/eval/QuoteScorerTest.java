package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;

/** Quote measures, and items whose labels stop at the first three of more quotes. */
class QuoteScorerTest {
    private static final List<Quote> LABELLED = List.of(new Quote("Ana Ruiz", null, "We will rebuild the bridge."),
            new Quote("Ana Ruiz", null, "It will take a year."), new Quote("Port authority", null, "Ships wait."));
    private static final List<Quote> EMITTED = List.of(new Quote("Ana Ruiz", null, "We will rebuild the bridge."),
            new Quote("Ana Ruiz", null, "It will take a year."), new Quote("Port authority", null, "Ships wait."),
            new Quote("Tomas Bell", null, "A fourth quote nobody labelled."));

    private static Ratio named(QuoteScorer s, String name) {
        return s.ratios().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anUnlabelledFourthQuoteCountsAgainstPrecisionOnlyWhenTheLabelsAreComplete() {
        QuoteScorer complete = new QuoteScorer();
        complete.add("x-1", LABELLED, EMITTED);
        QuoteScorer capped = new QuoteScorer();
        capped.add("x-1", LABELLED, EMITTED, true);

        assertThat(named(complete, "quotes.precision")).extracting(Ratio::count, Ratio::total).containsExactly(3, 4);
        assertThat(named(capped, "quotes.precision")).extracting(Ratio::count, Ratio::total).containsExactly(3, 3);
        assertThat(named(capped, "quotes.text")).extracting(Ratio::count, Ratio::total).containsExactly(3, 3);
    }

    @Test
    void aWrongSpeakerStillCountsAgainstPrecisionInACappedItem() {
        QuoteScorer capped = new QuoteScorer();
        capped.add("x-2", LABELLED.subList(0, 1), List.of(new Quote("Harbour Post", null, "We will rebuild the bridge.")),
                true);

        assertThat(named(capped, "quotes.precision")).extracting(Ratio::count, Ratio::total).containsExactly(0, 1);
        assertThat(named(capped, "quotes.speaker")).extracting(Ratio::count, Ratio::total).containsExactly(0, 1);
    }
}
