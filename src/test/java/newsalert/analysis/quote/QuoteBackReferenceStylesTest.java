package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;

/**
 * Back-references of issue 15 pattern 7 found among the real-text working half's misses (session 13; the
 * sentences are written here): he/she opening a sentence after a sentence whose subject is a named person ("Ana
 * Ruiz paid tribute to Hale. She said …", Hale named before), a role noun with a capitalised modifier for the person quoted in the
 * sentence before ("The Lund professor added, “…”"), and a surname with its particle after a title ("Mayor de
 * Vries").
 */
class QuoteBackReferenceStylesTest {
    private final QuoteExtractor extractor = new QuoteExtractor();

    private List<Quote> quotes(String text) {
        return extractor.extract(text);
    }

    @Test
    void aPronounOpeningASentenceGoesToThePreviousSentencesSubject() {
        assertThat(quotes("Judge Tom Hale died on Sunday.\n\nMaria Olsen, the justice minister, paid tribute to Hale."
                + " She said on the evening news \"It is a great loss to the courts.\""))
                .extracting(Quote::speaker).containsExactly("Maria Olsen");
        // an opening phrase before the subject, and a participle without a comma before its "that"
        assertThat(quotes("Ana Ruiz leaves the agency that Governor Tom Hale set up.\n\nIn her letter, Ruiz thanked"
                + " Hale for his trust. She cited family reasons for leaving stating that, \"It is time to rest.\""))
                .extracting(Quote::speaker).containsExactly("Ana Ruiz");
    }

    @Test
    void aPronounAfterASentenceNamingTwoNewPeopleIsNotGuessed() {
        // near miss: the other person is new to the text too
        assertThat(quotes("The agency will close.\n\nIn her letter, Ana Ruiz thanked Governor Tom Hale for his trust."
                + " She cited family reasons for leaving stating that, \"It is time to rest.\"")).isEmpty();
    }

    @Test
    void aPronounAfterAnOwnerIsNotResolvedToTheOwner() {
        // near miss: the person first named is an owner, not the subject
        assertThat(quotes("Judge Tom Hale died on Sunday.\n\nMaria Olsen's deputy paid tribute to Hale. She said on the"
                + " evening news \"It is a great loss to the courts.\"")).isEmpty();
    }

    @Test
    void aRoleNounWithAModifierGoesToThePersonJustQuoted() {
        assertThat(quotes("Ice shelves are thinning.\n\n\"Warm water is eating the ice,\" said study co-author Lena"
                + " Brandt. The Lund professor added, \"We do not yet know how fast.\""))
                .extracting(Quote::speaker).containsExactly("Lena Brandt", "Lena Brandt");
        // near miss: a role noun two sentences after the quote credits no one
        assertThat(quotes("Ice shelves are thinning.\n\n\"Warm water is eating the ice,\" said study co-author Lena"
                + " Brandt. The shelf lost a third of its mass. The Lund professor added, \"We do not yet know how"
                + " fast.\""))
                .extracting(Quote::speaker).containsExactly("Lena Brandt");
    }

    @Test
    void aSurnameWithItsParticleAfterATitleIsCompleted() {
        assertThat(quotes("Mayor Anna de Vries ended her campaign.\n\nDe Vries thanked her staff. Mayor de Vries spoke on"
                + " the radio when she made the announcement: \"It is not my time.\""))
                .containsExactly(new Quote("Anna de Vries", "Mayor", "It is not my time."));
    }
}
