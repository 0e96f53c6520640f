package newsalert.subscription.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private static final Gazetteer STANDARD = Gazetteer.standard();

    @Test
    void resolvesCountriesAliasesCodesRegionsAndCities() {
        assertEquals(Optional.of(new Gazetteer.Place("UA", "Ukraine", null)), STANDARD.resolve("ukraine"));
        assertEquals(Optional.of(new Gazetteer.Place("UA", "Ukraine", null)), STANDARD.resolve("UA"));
        assertEquals(Optional.of(new Gazetteer.Place("GB", "United Kingdom", null)), STANDARD.resolve("uk"));
        assertEquals(Optional.of(new Gazetteer.Place("SS", "South Sudan", null)), STANDARD.resolve("south-sudan"));
        assertEquals(Optional.of(new Gazetteer.Place("CD", "DR Congo", null)), STANDARD.resolve("drc"));
        assertEquals(Optional.of(new Gazetteer.Place("middle-east", "Middle East", null)),
                STANDARD.resolve("middle-east"));
        assertEquals(Optional.of(new Gazetteer.Place("sahel", "Sahel", null)), STANDARD.resolve("Sahel"));
        assertEquals(Optional.of(new Gazetteer.Place("UA", "Ukraine", "kharkiv")), STANDARD.resolve("kharkiv"));
        assertEquals(Optional.of(new Gazetteer.Place("TR", "Turkey", null)), STANDARD.resolve("türkiye"));
    }

    @Test
    void unknownAndSharedNamesDoNotResolve() {
        assertEquals(Optional.empty(), STANDARD.resolve("ukrane"));
        assertEquals(Optional.empty(), STANDARD.resolve("kashmir"));
        assertEquals(Optional.empty(), STANDARD.resolve("narnia"));
    }

    @Test
    void closestNamesComeFirst() {
        assertEquals("ukraine", STANDARD.closest("ukrane", 3).get(0));
        assertEquals("middle-east", STANDARD.closest("midle-east", 3).get(0));
        assertEquals(3, STANDARD.closest("xyzzy", 3).size());
        assertEquals(3, STANDARD.closest("x".repeat(Gazetteer.MAX_SUGGESTED), 3).size());
        assertEquals(List.of(), STANDARD.closest("x".repeat(4000), 3)); // no edit distances over a hostile kilobyte
    }

    @Test
    void regionsExpandToTheirCountries() {
        assertEquals(Set.of("AM", "AZ", "GE"), STANDARD.countriesOf(List.of("caucasus")));
        assertEquals(Set.of("DJ", "ER", "ET", "SO", "UA"), STANDARD.countriesOf(List.of("horn-of-africa", "UA")));
        assertTrue(STANDARD.countriesOf(List.of("sahel")).containsAll(Set.of("ML", "BF", "NE", "TD")));
        assertTrue(STANDARD.countriesOf(List.of("middle-east")).containsAll(Set.of("IL", "PS", "SY", "LB", "YE")));
    }

    @Test
    void everyRegionMemberIsAKnownCountry() {
        for (String key : STANDARD.regionKeys()) {
            for (String code : STANDARD.countriesOf(List.of(key))) {
                assertTrue(STANDARD.displayName(code).length() > 2, key + " holds unknown country " + code);
            }
        }
    }

    @Test
    void normalizeStripsAccentsAndPunctuation() {
        assertEquals("cote d ivoire", Gazetteer.normalize("Côte d'Ivoire"));
        assertEquals("deir ez zor", Gazetteer.normalize("Deir ez-Zor"));
    }

    @Test
    void readsTheResourceFormat() throws IOException {
        Gazetteer g = Gazetteer.read(new BufferedReader(new StringReader("""
                # a comment
                c\tXA\tExampleland
                r\tsome-region\tSome Region\tXA
                n\texampleland\tXA\tC
                n\tport example\tXA\tP
                """)));
        assertEquals(2, g.size());
        assertEquals(Set.of("XA"), g.countriesOf(List.of("some-region")));
        assertEquals(Set.of("XA"), new PlaceFinder(g).countriesIn("Boats left Port Example at dawn"));
    }

    @Test
    void resourceStaysSmall() {
        assertTrue(STANDARD.size() > 20_000 && STANDARD.size() < 60_000, "names: " + STANDARD.size());
    }
}
