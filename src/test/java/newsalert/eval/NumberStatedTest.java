package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberStatedTest {
    @ParameterizedTest(name = "{1} in [{0}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Seven people were killed.|7|true",
        "killing 7 people|7|true",
        "killing 17 people|7|false",
        "at 1.7 km|7|false",
        "a 7.5 magnitude|7|false",
        "twenty-one died|21|true",
        "twenty one died|21|true",
        "Twenty died|21|false",
        "ninety people|90|true",
        "one hundred and five dead|105|true",
        "a hundred people|100|true",
        "two hundred fifty|250|true",
        "1,200 wounded|1200|true",
        "1,2000 wounded|1200|false",
        "someone was hurt|1|false",
        "one man was shot|1|true",
        "gone in minutes|1|false",
        "three storeys|3|true",
    })
    void digitsAndNumberWords(String text, int n, boolean stated) {
        assertThat(NumberStated.stated(text, n)).isEqualTo(stated);
    }
}
