package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-driven checks over {@code analysis/quotes/quotes.jsonl}: one row per text with the exact quotes
 * (speaker, role, text) expected, in order. An empty list means the text holds no attributable quote.
 * A row with {@code "missAllowed": true} records a known miss: the expected quotes are the truth, the
 * extractor may leave some out but must not produce anything else.
 */
class QuoteExtractorFixtureTest {
    private static final String FIXTURE = "/analysis/quotes/quotes.jsonl";
    private final QuoteExtractor extractor = new QuoteExtractor();

    record Row(String id, String text, List<Quote> expected, boolean missAllowed, List<String> evidence) {
        @Override
        public String toString() {
            return id;
        }
    }

    static List<Row> rows() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        try (InputStream in = QuoteExtractorFixtureTest.class.getResourceAsStream(FIXTURE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<Quote> quotes = new ArrayList<>();
                for (JsonNode q : n.get("quotes")) {
                    String role = q.get("role").isNull() ? null : q.get("role").asText();
                    quotes.add(new Quote(q.get("speaker").asText(), role, q.get("text").asText()));
                }
                List<String> evidence = null;
                if (n.has("evidence")) {
                    evidence = new ArrayList<>();
                    for (JsonNode e : n.get("evidence")) {
                        evidence.add(e.asText());
                    }
                }
                rows.add(new Row(n.get("id").asText(), n.get("text").asText(), quotes,
                        n.path("missAllowed").asBoolean(false), evidence));
            }
        }
        return rows;
    }

    static Stream<Arguments> cases() throws IOException {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsExactlyTheExpectedQuotes(Row row) {
        List<Quote> got = extractor.extract(row.text());
        if (row.missAllowed()) {
            assertThat(row.expected()).as(row.id()).containsAll(got);
        } else {
            assertThat(got).as(row.id()).containsExactlyElementsOf(row.expected());
        }
    }

    /** Rows with an {@code evidence} list: each quote's evidence string, exactly, in order. */
    static Stream<Arguments> evidenceCases() throws IOException {
        return rows().stream().filter(r -> r.evidence() != null).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evidenceCases")
    void explainsEachQuoteWithTheRuleAndSpan(Row row) {
        List<String> got = extractor.extract(row.text()).stream().map(Quote::evidence).toList();
        assertThat(got).as(row.id()).containsExactlyElementsOf(row.evidence());
    }

    @Test
    void everyQuoteCarriesShortEvidence() throws IOException {
        for (Row row : rows()) {
            for (Quote q : extractor.extract(row.text())) {
                assertThat(q.evidence()).as(row.id()).isNotBlank().hasSizeLessThan(200);
            }
        }
    }

    @Test
    void fixtureIsLargeEnough() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
        assertThat(rows.stream().filter(r -> r.expected().isEmpty()).count()).isGreaterThanOrEqualTo(10);
    }

    /**
     * Figures over the whole fixture. A found quote counts as correct when speaker, role and text all
     * match an expected one; speaker accuracy is over found quotes whose text matches an expected text.
     */
    @Test
    void precisionAndSpeakerAccuracyMeetTargets() throws IOException {
        int found = 0;
        int exact = 0;
        int textMatched = 0;
        int speakerRight = 0;
        int expected = 0;
        for (Row row : rows()) {
            List<Quote> got = extractor.extract(row.text());
            expected += row.expected().size();
            found += got.size();
            for (Quote q : got) {
                if (row.expected().contains(q)) {
                    exact++;
                }
                for (Quote e : row.expected()) {
                    if (e.text().equals(q.text())) {
                        textMatched++;
                        if (e.speaker().equals(q.speaker())) {
                            speakerRight++;
                        }
                        break;
                    }
                }
            }
        }
        double precision = found == 0 ? 1 : (double) exact / found;
        double recall = (double) exact / expected;
        double speakerAccuracy = textMatched == 0 ? 1 : (double) speakerRight / textMatched;
        System.out.printf("quotes fixture: expected=%d found=%d exact=%d precision=%.3f recall=%.3f speaker=%.3f%n",
                expected, found, exact, precision, recall, speakerAccuracy);
        assertThat(precision).isGreaterThanOrEqualTo(0.97);
        assertThat(speakerAccuracy).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }
}
