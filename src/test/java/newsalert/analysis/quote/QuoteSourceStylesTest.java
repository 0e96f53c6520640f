package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;

/**
 * Attribution styles of issue 15 pattern 7 found among the real-text working half's misses (session 13; the
 * sentences are written here): a speech participle after a longer time phrase ("saying late in the evening before
 * the count, “…”"), "spoke/talked of" as speech verbs, a document whose issuer is named in an "according to"
 * phrase ("According to a memo posted by X, …"), a participle passive ("a pattern described by X as “…”"), and a
 * short quote listed after another one of the same clause ("called it “…” and a “…”").
 */
class QuoteSourceStylesTest {
    private final QuoteExtractor extractor = new QuoteExtractor();

    private List<Quote> quotes(String text) {
        return extractor.extract(text);
    }

    @Test
    void aParticipleMayStandTenWordsBeforeTheQuote() {
        assertThat(quotes("The count went on.\n\nMayor Tom Hale has yet to concede, saying late in the evening before"
                + " the count in Leeds, \"WE WON THIS ONE!\" on the radio."))
                .containsExactly(new Quote("Tom Hale", "Mayor", "WE WON THIS ONE!"));
        // near miss: eleven words between the participle and the quote are no longer its gap
        assertThat(quotes("The count went on.\n\nMayor Tom Hale has yet to concede, saying late in the long cold evening"
                + " before the count in Leeds, \"WE WON THIS ONE!\" on the radio.")).isEmpty();
    }

    @Test
    void talkedOfAndSpokeAreSpeechVerbs() {
        assertThat(quotes("The institute mourned him.\n\nDean Ola Berg talked of his \"many discoveries that made the"
                + " school known\" and \"his patience with students.\""))
                .extracting(Quote::speaker, Quote::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ola Berg", "many discoveries that made the school known"),
                        org.assertj.core.groups.Tuple.tuple("Ola Berg", "his patience with students"));
        assertThat(quotes("The race ended.\n\nSenator Ida Moss spoke on the morning show when she made the"
                + " announcement: \"It is not my time, so I am going home.\""))
                .extracting(Quote::speaker).containsExactly("Ida Moss");
    }

    @Test
    void aDocumentNamedInAnAccordingToPhraseGoesToItsIssuer() {
        assertThat(quotes("The hearing was off.\n\nAccording to a memo posted online by Senator Luis Ortega, the"
                + " committee cancelled its hearing because the nominee did \"not accept the authority of the"
                + " committee.\""))
                .containsExactly(new Quote("Luis Ortega", "Senator", "not accept the authority of the committee"));
        // near miss: a document with no issuer names no one
        assertThat(quotes("The hearing was off.\n\nAccording to a memo posted online, the committee cancelled its"
                + " hearing because the nominee did \"not accept the authority of the committee.\"")).isEmpty();
    }

    @Test
    void aParticiplePassiveCreditsItsAgent() {
        assertThat(quotes("The ship went dark.\n\nThe tracker showed a course described by Harbour Watch as \"rather"
                + " erratic and confused\" on Friday."))
                .extracting(Quote::speaker, Quote::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Harbour Watch", "rather erratic and confused"));
        // near miss: a lower-case agent is no one named
        assertThat(quotes("The ship went dark.\n\nThe tracker showed a course described by some sailors as \"rather"
                + " erratic and confused\" on Friday.")).isEmpty();
    }

    @Test
    void aShortQuoteListedAfterAnotherOneOfTheClauseIsCredited() {
        assertThat(quotes("The vote was delayed.\n\nCouncillors passed the plan, which Ross has called \"theatre\" and"
                + " a \"stunt\"."))
                .extracting(Quote::text).containsExactly("theatre", "stunt");
        // near miss: a content word after the second quote makes it a modifier
        assertThat(quotes("The vote was delayed.\n\nCouncillors passed the plan, which Ross has called \"theatre\" and"
                + " a \"stunt\" budget."))
                .extracting(Quote::text).containsExactly("theatre");
    }
}
