package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading numbers and qualifiers: {@link NumberWords} and {@link NumberPhrase}. */
class CasualtyNumberPhraseTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            19                          | 19
            5,000                       | 5000
            1,234,567                   | 1234567
            nineteen                    | 19
            Twelve                      | 12
            twenty-three                | 23
            twenty three                | 23
            ninety-nine                 | 99
            one hundred                 | 100
            a hundred                   | 100
            one hundred and twenty      | 120
            two hundred and five        | 205
            two thousand                | 2000
            three thousand four hundred | 3400
            2 million                   | 2000000
            a dozen                     | about 12
            half a dozen                | about 6
            two dozen                   | about 24
            several dozen               | at least 24
            dozens of                   | at least 24
            scores of                   | at least 40
            hundreds of                 | at least 200
            thousands of                | at least 2000
            tens of thousands of        | at least 20000
            at least 48                 | at least 48
            at least a dozen            | at least 12
            no fewer than 9             | at least 9
            more than 40                | more than 40
            more than a dozen           | more than 12
            over 100                    | more than 100
            upwards of 30               | more than 30
            nearly 30                   | about 30
            almost 50                   | about 50
            about 60                    | about 60
            around 15                   | about 15
            some 200                    | about 200
            roughly 70                  | about 70
            approximately 35            | about 35
            an estimated 300            | about 300
            up to 70                    | about 70
            as many as 12               | about 12
            between 20 and 25           | 20–25
            20 to 25                    | 20–25
            20-25                       | 20–25
            20–25                       | 20–25
            six to nine                 | 6–9
            """)
    void readsNumberAndQualifier(String text, String expected) {
        List<Token> t = CasualtyTokenizer.tokenize(text, "");
        NumberPhrase p = NumberPhrase.parse(t, 0);
        assertThat(p).as(text).isNotNull();
        assertThat(p.count().display()).isEqualTo(expected);
        assertThat(t.get(p.end()).isBreak()).as("whole text consumed: " + text).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            19th
            3am
            1.5
            several
            scores
            the
            over the
            between 25 and 20
            """)
    void readsNoPlainCountFrom(String text) {
        List<Token> t = CasualtyTokenizer.tokenize(text, "");
        NumberPhrase p = NumberPhrase.parse(t, 0);
        assertThat(p).as(text).isNull();
    }
}
