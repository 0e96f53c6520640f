package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tester18d: Discord's {@code in} option typed oddly, and the separators between places. */
class PlaceWordsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "in:ukraine, middle east             | in:ukraine,middle-east",
            "In : ukraine                        | in:ukraine",
            "IN:Ukraine                          | in:Ukraine",
            "in:ukraine in:russia                | in:ukraine,russia",
            "ukraine, In : russia                | in:ukraine,russia",
            "ukraine\\u2028russia                | in:ukraine,russia",
            "south sudan\\nrussia                | in:south-sudan,russia",
            "ukr\\u00ADaine                      | in:ukraine",
            "ukraine \\u3001 russia              | in:ukraine\\u3001russia",
            "bahrain in russia                   | in:bahrain-in-russia",
    })
    void theInOptionBecomesOneInArgument(String option, String argument) {
        assertThat(PlaceWords.inArgument(unescape(option))).isEqualTo(unescape(argument));
    }

    @Test
    void placesAreSplitOnEveryKindOfCommaAndLoseTheirOwnInPrefix() {
        assertThat(PlaceWords.split("ukraine\u3001russia\u060Csahel,in:gaza, IN : mali,,"))
                .containsExactly("ukraine", "russia", "sahel", "gaza", "mali");
    }

    @Test
    void aLooseInPrefixIsJoinedWithItsPlace() {
        assertThat(PlaceWords.joinLoosePrefix(List.of("attack", "in:", "kyiv"))).containsExactly("attack", "in:kyiv");
        assertThat(PlaceWords.joinLoosePrefix(List.of("In", ":", "kyiv", "50"))).containsExactly("in:kyiv", "50");
        assertThat(PlaceWords.joinLoosePrefix(List.of("in", ":kyiv"))).containsExactly("in:kyiv");
        assertThat(PlaceWords.joinLoosePrefix(List.of("in:"))).containsExactly("in:");
        assertThat(PlaceWords.joinLoosePrefix(List.of("in", "kyiv"))).containsExactly("in", "kyiv");
        assertThat(PlaceWords.joinLoosePrefix(List.of("in:ukraine,", "russia", "attack")))
                .containsExactly("in:ukraine,russia", "attack");
        assertThat(PlaceWords.joinLoosePrefix(List.of("in:", "ukraine", ",", "russia")))
                .containsExactly("in:ukraine,russia");
        assertThat(PlaceWords.joinLoosePrefix(List.of("attack,", "50"))).containsExactly("attack,", "50");
    }

    /** CsvSource gives "\\u2028" as six characters: this writes them as the character. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (s.startsWith("\\n", i)) {
                out.append('\n');
                i++;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
