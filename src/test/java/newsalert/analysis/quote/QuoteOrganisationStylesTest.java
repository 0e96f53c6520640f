package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;

/**
 * Organisations and documents of issue 15 pattern 7 found among the real-text working half's misses (session 13;
 * the sentences are written here): an organisation named with "of" ("the High Court of Northern Shires"), an
 * organisation named again by its noun alone ("the Court", "the Church") completed from its full name, a document
 * owned by a named body ("The opinion of the Court, released on Friday, read in part, “…”"), an organisation with
 * a relative clause after an opening phrase, a short quote after a copula or before an adjective (a predicate, not
 * a modifier), and "marked", which is a verb, not a label word, when an article stands before the quote ("marked a
 * “sad day”").
 */
class QuoteOrganisationStylesTest {
    private final QuoteExtractor extractor = new QuoteExtractor();

    private List<Quote> quotes(String text) {
        return extractor.extract(text);
    }

    @Test
    void anOrganisationNamedWithOfIsOneSpeaker() {
        assertThat(quotes("The appeal was heard.\n\nThe High Court of Northern Shires also ruled on the same day,"
                + " finding that the matter was not for judges: \"In our view, the advice is not a matter for the"
                + " courts.\""))
                .extracting(Quote::speaker).containsExactly("High Court of Northern Shires");
        // near miss: a lower-case tail after "of" names no organisation
        assertThat(quotes("The appeal was heard.\n\nThe High Court of the northern shires also ruled on the same day,"
                + " finding that the matter was not for judges: \"In our view, the advice is not a matter for the"
                + " courts.\"")).isEmpty();
    }

    @Test
    void anOrganisationNamedByItsNounAloneIsCompletedFromItsFullName() {
        assertThat(quotes("The Church of the Silver Dawn has accused a blogger of fraud. The Church repeated it on"
                + " Monday. \"He took money from our members,\" said the Church in a press release."))
                .extracting(Quote::speaker).containsExactly("Church of the Silver Dawn");
        assertThat(quotes("On Friday, the Supreme Court of Eastland issued a ruling against the governor. He left the"
                + " Supreme Court at noon.\n\nThe opinion of the Court, released on Friday, read in part, \"The oath"
                + " was not lawful.\""))
                .extracting(Quote::speaker).containsExactly("Supreme Court of Eastland");
    }

    @Test
    void aDocumentWithoutANamedOwnerCreditsNoOne() {
        // near miss: "of the decision" names no body, so no court is guessed
        assertThat(quotes("On Friday, the Supreme Court of Eastland issued a ruling.\n\nThe summary of the decision"
                + " read in part: \"The oath was not lawful.\"")).isEmpty();
    }

    @Test
    void anOrganisationWithARelativeClauseAfterAnOpeningPhraseIsTheSubject() {
        assertThat(quotes("Same-sex marriage is legal there.\n\nIn 2017, the Constitutional Court, which rules on such"
                + " matters, said the ban constituted \"unequal treatment\" incompatible with the charter."))
                .containsExactly(new Quote("Constitutional Court", null, "unequal treatment"));
        // near miss: a content noun after the short quote still makes it a modifier
        assertThat(quotes("Same-sex marriage is legal there.\n\nIn 2017, the Constitutional Court, which rules on such"
                + " matters, said the ban on weddings showed \"unequal treatment\" rules in the charter.")).isEmpty();
    }

    @Test
    void aShortQuoteAfterACopulaIsAPredicate() {
        assertThat(quotes("The army shrank.\n\nCommissioner Ivo Petrov noted the army had been \"all but disarmed\""
                + " teljesen by 2010."))
                .extracting(Quote::speaker, Quote::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ivo Petrov", "all but disarmed"));
        // near miss: after a determiner the short quote is a modifier
        assertThat(quotes("The army shrank.\n\nCommissioner Ivo Petrov noted the army had a \"paper army\" budget"
                + " by 2010.")).isEmpty();
    }

    @Test
    void markedWithAnArticleIsAVerb() {
        assertThat(quotes("The bill passed.\n\nMember of parliament Ivo Petrov said the vote marked a \"sad day for"
                + " the city\"."))
                .containsExactly(new Quote("Ivo Petrov", "Member of parliament", "sad day for the city"));
        // near miss: right before the quote, "marked" labels it
        assertThat(quotes("The bill passed.\n\nIvo Petrov said he found a box marked \"Fragile goods only\".")).isEmpty();
    }
}
