package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteMergeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same words, same speaker                 | Filip Pronin | We will rebuild.                  | Filip Pronin | We will rebuild.                    | 1
            surname only, punctuation differs        | Filip Pronin | We will rebuild,                  | Pronin       | we will rebuild                     | 1
            shorter telling inside a longer one      | Kaja Kallas  | The pressure will keep rising      | Kallas       | The pressure will keep rising, and fast | 1
            leading the in an organisation           | the Israeli military | We struck a command centre | Israeli military | We struck a command centre.     | 1
            same speaker, other words                | Filip Pronin | We will rebuild.                  | Filip Pronin | The sirens came too late.           | 2
            same words, other speaker                | Filip Pronin | We will rebuild.                  | Ihor Terekhov | We will rebuild.                   | 2
            """)
    void merges(String name, String speakerA, String textA, String speakerB, String textB, int expected) {
        List<Quote> merged = QuoteMerge.merge(List.of(new Quote(speakerA, null, textA), new Quote(speakerB, null, textB)));
        assertThat(merged).hasSize(expected);
        assertThat(merged.get(0).speaker()).isEqualTo(speakerA);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first telling kept when as long  | We will rebuild.           | We will rebuild        | We will rebuild.
            longer later telling replaces    | The pressure will keep rising | The pressure will keep rising, and fast | The pressure will keep rising, and fast
            """)
    void keepsTheFuller(String name, String first, String second, String kept) {
        List<Quote> merged = QuoteMerge.merge(List.of(new Quote("Kaja Kallas", null, first),
                new Quote("Kaja Kallas", null, second)));
        assertThat(merged).extracting(Quote::text).containsExactly(kept);
    }
}
