package newsalert.analysis.topic;

import newsalert.analysis.text.EvidenceSpan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicEvidenceTest {

    /** Cuts the sentence holding {@code match} (its first occurrence) out of {@code text}. */
    private static String spanOf(String text, String match, boolean headline) {
        int at = text.indexOf(match);
        return EvidenceSpan.span(text, at, at + match.length(), headline);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Crews worked all night. The drone hit a school in Sumy. Two were hurt. | drone hit    | The drone hit a school in Sumy.
            The U.S. special envoy met rebel leaders in Doha. Talks resume today.  | envoy        | The U.S. special envoy met rebel leaders in Doha.
            No warning was given! Why was the market shelled? Officials asked.     | shelled      | Why was the market shelled?
            Mortars fell near the school                                           | mortars      | Mortars fell near the school
            """)
    void shortSentenceIsQuotedWhole(String text, String match, String expected) {
        assertThat(spanOf(text, match.equals("mortars") ? "Mortars" : match, false)).isEqualTo(expected);
    }

    @Test
    void paragraphBreakStartsASentence() {
        String text = "The council met on Monday and\n\nenvoys arrived in Geneva for talks";
        assertThat(spanOf(text, "envoys", false)).isEqualTo("envoys arrived in Geneva for talks");
    }

    @Test
    void headlineIsNeverSplitAtAnAbbreviation() {
        String title = "Bush Scraps Most U.S. Sanctions on Libya";
        assertThat(spanOf(title, "Sanctions", true)).isEqualTo(title);
        assertThat(spanOf(title, "Sanctions", false)).isEqualTo("Sanctions on Libya");
    }

    @Test
    void longSentenceIsCutToAWindowOfWholeWordsAroundTheMatch() {
        String text = "Witnesses in the northern district said that late on Saturday evening, after the markets had"
                + " closed and most families were at home, a missile strike destroyed two apartment blocks and a"
                + " school gym that had been used as a shelter since the spring.";
        String span = spanOf(text, "missile strike", false);
        assertThat(span).isEqualTo("…and most families were at home, a missile strike destroyed two apartment blocks"
                + " and a school gym…");
        assertThat(span.length()).isLessThanOrEqualTo(EvidenceSpan.MAX_CHARS + 2);
    }

    @Test
    void matchNearTheStartKeepsTheSentenceStart() {
        String text = "Gunmen stormed a police post in the hills above the town before dawn on Friday, killing four"
                + " officers and wounding six more, local officials told reporters by telephone from the capital.";
        assertThat(spanOf(text, "Gunmen", false)).isEqualTo("Gunmen stormed a police post in the hills above the"
                + " town before dawn on Friday, killing four…");
    }

    @Test
    void classifierReasonsAreBoundedAndStrongestFirst() {
        String body = "Gunmen opened fire on worshippers. A suicide bomber struck a checkpoint. Shelling hit the"
                + " market. Snipers fired at civilians. A mortar barrage followed. Troops clashed with rebels."
                + " Grenades were thrown. An ambush killed four. Militants attacked a convoy. A drone strike hit a"
                + " depot. Rockets fell on the port.";
        List<String> reasons = TopicClassifierTest.CLASSIFIER.classify("Gunmen attack mosque", body).reasons();
        List<String> terms = reasons.stream().filter(r -> r.startsWith("attack: \"")).toList();
        assertThat(terms).hasSize(TopicTally.MAX_TERM_REASONS).allMatch(r -> r.contains("\" in \""));
        assertThat(terms.subList(0, 2)).containsExactly("attack: \"gunmen attack\" in \"Gunmen attack mosque\"",
                "attack: \"suicide bomber\" in \"A suicide bomber struck a checkpoint.\"");
        assertThat(reasons).endsWith("diplomacy context: \"market\" in \"Shelling hit the market.\"");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `a b`                 | `a b`
            `  a  b  `            | `a b`
            `a\t\n b\u2003c`      | `a b c`
            `\u00A0a\u00A0`        | `\u00A0a\u00A0`
            `one two  three\n`    | `one two three`
            `   `                 | ``
            """)
    void squashMakesEachSpaceRunOneSpaceAndStripsTheEnds(String in, String expected) {
        String text = "[" + in.translateEscapes() + "]";
        StringBuilder out = new StringBuilder("x");
        EvidenceSpan.squash(out, text, 1, text.length() - 1);
        assertThat(out.toString()).isEqualTo("x" + expected.translateEscapes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"32,true", "9,true", "10,true", "160,false", "65,false", "8195,true", "8199,false", "12288,true"})
    void isSpaceAgreesWithCharacterIsWhitespace(int code, boolean expected) {
        assertThat(EvidenceSpan.isSpace((char) code)).isEqualTo(expected).isEqualTo(Character.isWhitespace((char) code));
    }
}
