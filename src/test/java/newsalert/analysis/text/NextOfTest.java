package newsalert.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NextOf} visits exactly the positions a character-by-character loop would. */
class NextOfTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`He said: \"We will rebuild.\" Then he left.`|`\".`|`9,25,26,40`",
        "`“Curly” and 'straight' marks, Russia’s too`|`“”'’`|`0,6,12,21,36`",
        "`no marks at all here`|`\"'`|``",
        "`''''`|`'`|`0,1,2,3`",
        "`ends with a stop.`|`.`|`16`",
        "``|`.`|``"
    })
    void visitsEveryPositionOfTheCharacters(String text, String chars, String expected) {
        NextOf next = new NextOf(text, chars.toCharArray());
        List<String> seen = new ArrayList<>();
        for (int i = next.from(0); i < text.length(); i = next.from(i + 1)) {
            seen.add(String.valueOf(i));
        }
        assertThat(String.join(",", seen)).isEqualTo(expected == null ? "" : expected).isEqualTo(plain(text, chars));
    }

    @ParameterizedTest(name = "[{index}] from {1} after {0} -> {2}")
    @CsvSource(delimiter = '|', value = {"0|0|3", "0|4|8", "4|8|8", "4|9|10", "9|10|10", "0|9|10"})
    void answersAfterAnEarlierSearch(int earlier, int from, int expected) {
        // "abc. def.x": full stops at 3 and 8, no '!', length 10
        NextOf next = new NextOf("abc. def.x", '.', '!');
        next.from(earlier);
        assertThat(next.from(from)).isEqualTo(expected);
    }

    private static String plain(String text, String chars) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                out.add(String.valueOf(i));
            }
        }
        return String.join(",", out);
    }
}
