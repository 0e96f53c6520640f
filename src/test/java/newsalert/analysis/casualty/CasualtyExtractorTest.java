package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Data-driven checks over {@code analysis/casualties/sentences.csv} (sentences written for this project). */
class CasualtyExtractorTest {
    private final CasualtyExtractor extractor = new CasualtyExtractor();

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvFileSource(resources = "/analysis/casualties/sentences.csv", delimiter = '|', numLinesToSkip = 1,
            maxCharsPerColumn = 10_000)
    void extractsStatedCounts(String title, String body, String killed, String injured, String missing) {
        Casualties c = extractor.extract(title, body == null ? null : body.replace("\\n", "\n"));
        assertThat(c.killed()).as("killed").isEqualTo(parse(killed));
        assertThat(c.injured()).as("injured").isEqualTo(parse(injured));
        assertThat(c.missing()).as("missing").isEqualTo(parse(missing));
    }

    /** Parses a fixture count: "19", "at_least 48", "more_than 40", "about 30", "range 20-25"; blank is null. */
    static CasualtyCount parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] parts = spec.trim().split(" ");
        if (parts.length == 1) {
            return CasualtyCount.exact(Integer.parseInt(parts[0]));
        }
        if (parts[0].equals("range")) {
            String[] bounds = parts[1].split("-");
            return CasualtyCount.range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        }
        return CasualtyCount.of(Integer.parseInt(parts[1]), Qualifier.valueOf(parts[0].toUpperCase()));
    }
}
