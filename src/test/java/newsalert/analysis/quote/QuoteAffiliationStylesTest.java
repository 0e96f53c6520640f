package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;

/**
 * Attribution styles of issue 15 pattern 7 found in the real-text working half (fixtures written here): a speaker
 * tied to a unit written in lower case ("of the city works office"), an editor's bracketed comma closing the quote
 * ("…[,]”"), and two titles of one person joined by "and" before the name.
 */
class QuoteAffiliationStylesTest {
    private final QuoteExtractor extractor = new QuoteExtractor();

    private List<Quote> quotes(String text) {
        return extractor.extract(text);
    }

    @Test
    void aSpeakerOfALowerCaseUnitAfterTheQuoteIsThePerson() {
        assertThat(quotes("The works went on.\n\n\"The bridge will reopen next week once the repairs are finished,\""
                + " Maria Olsen of the city works office said."))
                .containsExactly(new Quote("Maria Olsen", null,
                        "The bridge will reopen next week once the repairs are finished"));
        assertThat(quotes("The herd arrived.\n\n\"We feel that the herd coming home is going to help us,\" Anna Costa"
                + " of the Northern Valley tribal historic preservation office told those gathered."))
                .extracting(Quote::speaker).containsExactly("Anna Costa");
    }

    @Test
    void anEditorsBracketedCommaClosesTheQuoteLikeAComma() {
        assertThat(quotes("The herd arrived.\n\n\"We feel that the herd coming home is going to help us[,]\" Maria"
                + " Olsen of the city works office told those gathered."))
                .containsExactly(new Quote("Maria Olsen", null,
                        "We feel that the herd coming home is going to help us[,]"));
    }

    @Test
    void twoTitlesOfOnePersonJoinedByAndBeforeTheName() {
        assertThat(quotes("The herd arrived.\n\n\"The herd may be slow. It may still come home before winter,\" said"
                + " study co-author and Royal Society Research Fellow Anna Costa."))
                .containsExactly(new Quote("Anna Costa", "study co-author and Royal Society Research Fellow",
                        "The herd may be slow. It may still come home before winter"));
    }

    @Test
    void unitsAndTitlesThatNameNoOneStayUnattributed() {
        // a lower-case tail that is no unit (no organisation word last) is not an affiliation
        assertThat(quotes("The works went on.\n\n\"The bridge will reopen next week once the repairs are finished,\""
                + " Maria Olsen of the old town near the river said at length."))
                .extracting(Quote::speaker).doesNotContain("Maria Olsen of the old town near the river");
        // two named people joined by "and" are not one speaker
        assertThat(quotes("The works went on.\n\n\"The bridge will reopen next week,\" said Mayor Ann Lee and"
                + " Governor Tom Hale."))
                .extracting(Quote::speaker).doesNotContain("Tom Hale", "Ann Lee and Governor Tom Hale");
    }
}
