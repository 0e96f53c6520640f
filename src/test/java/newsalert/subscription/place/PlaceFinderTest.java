package newsalert.subscription.place;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PlaceFinderTest {
    private static final PlaceFinder FINDER = PlaceFinder.standard();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/place/countries-in-text.csv", delimiter = '|')
    void findsTheCountriesATextNames(String text, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(","));
        assertEquals(want, List.copyOf(FINDER.countriesIn(text)));
    }
}
