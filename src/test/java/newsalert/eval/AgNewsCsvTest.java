package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgNewsCsvTest {
    @Test
    void parsesQuotedFieldsWithDoubledQuotesAndEscapes() {
        AgNewsCsv.Row row = AgNewsCsv.parse("\"3\",\"Shares climb\",\"Shares rose #36;2 as the company #39;s"
                + " profits grew,\\analysts said \"\"strongly\"\" &lt;b&gt;.\"");
        assertThat(row.cls()).isEqualTo(3);
        assertThat(row.title()).isEqualTo("Shares climb");
        assertThat(row.description())
                .isEqualTo("Shares rose $2 as the company's profits grew, analysts said \"strongly\" <b>.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "\"7\",\"x\",\"y\"|class must be 1-4: '7'",
        "\"1\",\"x\"|expected 3 fields, found 2",
        "\"1\",\"x\",\"y|unclosed quote in field 3",
        "1,\"x\",\"y\"|field 1 does not start with a quote",
    })
    void badLinesSayWhatIsWrong(String line, String message) {
        assertThatThrownBy(() -> AgNewsCsv.parse(line)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "ord with them  #151; online|ord with them — online",
        "wins #36;10 million|wins $10 million",
        "it isn #39;t|it isn't",
        "a #145;quote#146;|a 'quote'",
    })
    void cleansTheCorpusEntities(String raw, String clean) {
        assertThat(AgNewsCsv.clean(raw)).isEqualTo(clean);
    }
}
