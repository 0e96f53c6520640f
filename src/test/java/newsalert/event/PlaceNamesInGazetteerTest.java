package newsalert.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newsalert.subscription.place.PlaceFinder;
import org.junit.jupiter.api.Test;

/** Every place the event grouper knows is also a place a subscription's {@code in:} can follow. */
class PlaceNamesInGazetteerTest {
    @Test
    void everyGrouperPlaceResolvesToACountry() {
        PlaceFinder finder = PlaceFinder.standard();
        List<String> missing = new ArrayList<>();
        for (String place : PlaceNames.all()) {
            if (place.equals("plateau")) {
                continue; // a Nigerian state, but "Plateau" alone is an admin name in several countries
            }
            String written = capitalise(place);
            if (finder.countriesIn("Reports from " + written + " today").isEmpty()) {
                missing.add(place);
            }
        }
        assertEquals(List.of(), missing.stream().sorted().toList());
    }

    private static String capitalise(String place) {
        StringBuilder sb = new StringBuilder();
        for (String w : place.split(" ")) {
            sb.append(sb.length() == 0 ? "" : " ").append(w.substring(0, 1).toUpperCase(Locale.ROOT))
                    .append(w.substring(1));
        }
        return sb.toString();
    }
}
