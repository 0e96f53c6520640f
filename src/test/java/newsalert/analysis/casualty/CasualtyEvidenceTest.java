package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The evidence each chosen count carries: fixtures in {@code analysis/casualties/evidence.csv}. */
class CasualtyEvidenceTest {
    private final CasualtyExtractor extractor = new CasualtyExtractor();

    @ParameterizedTest(name = "[{index}] {2}: {3}")
    @CsvFileSource(resources = "/analysis/casualties/evidence.csv", delimiter = '|', numLinesToSkip = 1,
            maxCharsPerColumn = 4096)
    void countCarriesItsSentence(String title, String body, String category, String evidence) {
        Casualties c = extractor.extract(title, body.replace("\\n", "\n"));
        CasualtyCount count = switch (category) {
            case "killed" -> c.killed();
            case "injured" -> c.injured();
            case "missing" -> c.missing();
            default -> throw new IllegalArgumentException(category);
        };
        assertThat(count).as(category).isNotNull();
        assertThat(count.evidence()).isEqualTo(evidence);
    }

    @Test
    void longSentenceIsCutToAWindowWithEllipses() {
        String sentence = "word ".repeat(60) + "and 17 people were killed " + "more ".repeat(60);
        String evidence = CasualtyEvidence.around(sentence, sentence.indexOf("17"));
        assertThat(evidence).startsWith("…word").endsWith("more…").contains("17 people were killed");
        assertThat(evidence.length()).isLessThanOrEqualTo(CasualtyEvidence.MAX + 2);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`two killed`|`two killed`",
        "`two  killed`|`two killed`",
        "`two\tkilled`|`two killed`",
        "`two \n\r killed`|`two killed`",
        "`a \u000B b\fc`|`a b c`",
        "`  lead and trail  `|` lead and trail `",
        "`no\u00A0break`|`no\u00A0break`",
        "`em\u2003space`|`em\u2003space`",
        "``|``"
    })
    void squashesRegexSpaceRunsLikeReplaceAll(String in, String expected) {
        assertThat(CasualtyEvidence.squashRegexSpaces(in)).isEqualTo(expected).isEqualTo(in.replaceAll("\\s+", " "));
    }

    @Test
    void offsetOutsideTheTextGivesNoEvidence() {
        assertThat(CasualtyEvidence.around("Two killed.", -1)).isNull();
        assertThat(CasualtyEvidence.around("Two killed.", 11)).isNull();
    }
}
