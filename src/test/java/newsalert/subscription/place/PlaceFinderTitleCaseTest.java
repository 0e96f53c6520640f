package newsalert.subscription.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18 leftover: title-case headlines hid Jordan and Chad, because every neighbour is capitalised there and
 * looked like a person's name beside them. In a title-case stretch capitals now say nothing, unless the text
 * elsewhere shows the same pair as a person's name.
 */
class PlaceFinderTitleCaseTest {
    private static final PlaceFinder FINDER = PlaceFinder.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Drone Strikes Hit Jordan Border Town Overnight                          | JO",
            "Rebels Seize Chad Garrison Near Northern Frontier                       | TD",
            "Rebels seize a garrison in the east. Army Says Chad Will Respond Soon   | TD",
            "Michael Jordan Scores Forty In Comeback Game\\nMichael Jordan scored forty points on Sunday. | ''",
            "Jordan Bardella visits a farm fair in the north of the country           | ''",
    })
    void titleCaseNeighboursNoLongerHideTheCountry(String text, String expected) {
        String t = text.replace("\\n", "\n");
        assertThat(String.join(",", FINDER.countriesIn(t))).isEqualTo(expected);
    }
}
