package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Casualties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The framing rules ({@link CasualtyFraming}, "killed off" and bare "die" in {@link CasualtyWords},
 * {@link CasualtyLanguage}) over {@code analysis/casualties/framing.csv}: hypothetical tolls, tolls of an
 * earlier event or of a whole war, metaphors and non-English text give no count; near misses still count.
 */
class CasualtyFramingTest {
    private final CasualtyExtractor extractor = new CasualtyExtractor();

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvFileSource(resources = "/analysis/casualties/framing.csv", delimiter = '|', numLinesToSkip = 1,
            maxCharsPerColumn = 10_000)
    void readsFraming(String title, String body, String killed, String injured, String missing) {
        Casualties c = extractor.extract(title, body == null ? null : body.replace("\\n", "\n"));
        assertThat(c.killed()).as("killed").isEqualTo(CasualtyExtractorTest.parse(killed));
        assertThat(c.injured()).as("injured").isEqualTo(CasualtyExtractorTest.parse(injured));
        assertThat(c.missing()).as("missing").isEqualTo(CasualtyExtractorTest.parse(missing));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Von den Matrosen in Kiel bis zu den Räten in Berlin|true",
        "Vor 100 Jahren begann die deutsche Revolution|false",
        "Trois personnes sont mortes dans une attaque dans le centre de Paris|true",
        "Los Angeles police said the man was arrested at El Paso airport|false",
        "Le Pen and the leaders of the party met in Paris on Monday|false",
    })
    void tellsClearlyForeignText(String text, boolean foreign) {
        assertThat(CasualtyLanguage.notEnglish(CasualtyTokenizer.tokenize(text, ""))).isEqualTo(foreign);
    }
}
