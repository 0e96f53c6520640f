package newsalert.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LanguageDetector} on short paragraphs written for this test ({@code analysis/language/samples.jsonl}:
 * the same warehouse explosion told in ten languages, a German attack story, and English stories with foreign
 * names or a foreign quote) and on headlines alone ({@code headlines.csv}).
 */
class LanguageDetectorTest {
    static Stream<Arguments> samples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/analysis/language/samples.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(Arguments.of(n.get("language").asText(), n.get("title").asText(), n.get("body").asText()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void aShortParagraphIsToldItsLanguage(String language, String title, String body) {
        assertThat(LanguageDetector.detect(title, body)).isEqualTo(language);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvFileSource(resources = "/analysis/language/headlines.csv", delimiter = '|', numLinesToSkip = 1)
    void aHeadlineAloneIsItsLanguageOrCannotBeTold(String title, String language, String or) {
        String found = LanguageDetector.detect(title, "");
        assertThat(found == null ? "null" : found).isIn(language, or);
    }

    @Test
    void textWithoutLettersCannotBeTold() {
        assertThat(LanguageDetector.detect("", "")).isNull();
        assertThat(LanguageDetector.detect("2024 – 12", "+++ 17:45 +++")).isNull();
    }

    @Test
    void plainEnglishIsSettledWithoutTheModel() {
        // "the", "of", "and", "said": enough English function words, no letter outside ASCII
        assertThat(LanguageDetector.detect("Talks end", "The leaders of the two countries met and said the talks "
                + "would go on")).isEqualTo("en");
    }

    @Test
    void onlyTheStartOfTheBodyIsRead() {
        String german = "Bei einer Explosion in einer Lagerhalle am Stadtrand sind am Mittwochmorgen drei Menschen "
                + "ums Leben gekommen. Sieben weitere wurden nach Angaben der Polizei verletzt. ";
        String english = " The leaders of the two countries met and said the talks would go on.".repeat(20);
        assertThat(LanguageDetector.detect("Drei Tote bei Explosion", german + english)).isEqualTo("de");
    }
}
