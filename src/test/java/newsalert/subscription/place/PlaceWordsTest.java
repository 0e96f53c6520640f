package newsalert.subscription.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Places are read with the shared tokenizer (issue 15 item 7): the Turkish İ and ı, capitals, fullwidth letters and
 * decomposed accents give the same name, in a text and in what a user types after {@code in:}. Invented sentences.
 */
class PlaceWordsTest {
    private static final PlaceFinder FINDER = PlaceFinder.standard();
    private static final Gazetteer GAZETTEER = Gazetteer.standard();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Izmir", "İzmir", "IZMIR", "İZMİR", "Ｉｚｍｉｒ", "Adıyaman", "Adiyaman", "ADIYAMAN",
            "Diyarbakır", "DİYARBAKIR"})
    void everyFormOfATurkishCityIsTurkey(String written) {
        assertThat(FINDER.countriesIn("Two people were hurt in a blast in " + written + " on Monday."))
                .containsExactly("TR");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"izmir", "İzmir", "IZMIR", "ｉｚｍｉｒ", "adıyaman", "adiyaman"})
    void typedFormsResolveToTurkey(String typed) {
        assertThat(GAZETTEER.resolve(typed)).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("TR"));
    }

    @Test
    void accentsAndDecomposedAccentsAreTheSameName() {
        assertThat(FINDER.countriesIn("Protests in Bogotá.")).containsExactly("CO");
        assertThat(FINDER.countriesIn("Protests in Bogota\u0301.")).containsExactly("CO");
        assertThat(FINDER.countriesIn("Protests in Bogota.")).containsExactly("CO");
    }

    @Test
    void aPossessiveIsStillAWordOfTheName() {
        assertThat(Gazetteer.normalize("Cox's Bazar")).isEqualTo("cox s bazar");
        assertThat(FINDER.countriesIn("Fire sweeps camp in Cox’s Bazar")).containsExactly("BD");
        // "'s" after a name that is also a first name: a place, not a person ("Jordan's Abdullah")
        assertThat(FINDER.countriesIn("Jordan's Abdullah met envoys on Monday.")).containsExactly("JO");
        assertThat(FINDER.countriesIn("Michael Jordan scored 40 points.")).isEmpty();
    }

    @Test
    void wordsCarryHowTheyWereWrittenAndTheBreaks() {
        assertThat(PlaceWords.of("İZMİR, Ｔｕｒｋｅｙ's port")).containsExactly(
                new PlaceWords.Word("izmir", true, true, true),
                new PlaceWords.Word("turkey", true, false, true),
                new PlaceWords.Word("s", false, false, false),
                new PlaceWords.Word("port", false, false, false));
        assertThat(Gazetteer.normalize("Côte d'Ivoire")).isEqualTo("cote d ivoire");
        assertThat(Gazetteer.normalize("  ")).isEmpty();
        assertThat(FINDER.countriesIn("")).isEqualTo(Set.of());
    }
}
