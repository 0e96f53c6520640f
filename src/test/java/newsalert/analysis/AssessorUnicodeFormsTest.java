package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import newsalert.story.Assessment;
import newsalert.story.Quote;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the tokenizer's offsets stay on the original text whatever its letters (the dotted capital İ,
 * decomposed accents, fullwidth forms, emoji), so the reasons and quotes point at the right characters, and
 * the same story written in another Unicode form gets the same assessment.
 */
class AssessorUnicodeFormsTest {
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    private static Assessment assess(String title, String body) {
        return ASSESSOR.assess(new Story("u-1", "test", title, null, null, body));
    }

    @Test
    void evidenceAfterDottedCapitalsQuotesTheSentenceOfTheMatch() {
        // five İ before the match: lower-casing the whole text made each two characters, and the span
        // then ran on into the next sentence
        Assessment a = assess("Ferry services halted",
                "Officials in İstanbul, İzmir, İzmit, İskenderun and İnegöl said a car bomb. Ferries stopped on"
                        + " Tuesday and the ports were shut.");
        assertThat(a.reasons()).contains("attack: \"car bomb\" in \"Officials in İstanbul, İzmir, İzmit, İskenderun"
                + " and İnegöl said a car bomb.\"");
    }

    @Test
    void quoteAndCasualtyEvidenceInAnIstanbulStoryPointAtTheirOwnWords() {
        Assessment a = assess("Car bomb kills 3 in İstanbul",
                "İZMİR, Türkiye — A car bomb exploded near the pier on Tuesday, killing three people and wounding 12,"
                        + " the İzmir governor said. \"We will find those responsible,\" said Interior Minister Ali Kaya.");
        assertThat(a.casualties().killed().min()).isEqualTo(3);
        assertThat(a.casualties().killed().evidence()).isEqualTo("Car bomb kills 3 in İstanbul");
        assertThat(a.casualties().injured().min()).isEqualTo(12);
        assertThat(a.casualties().injured().evidence()).startsWith("İZMİR, Türkiye — A car bomb exploded")
                .endsWith("the İzmir governor said.");
        assertThat(a.quotes()).extracting(Quote::speaker, Quote::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ali Kaya", "We will find those responsible"));
        assertThat(a.quotes().get(0).evidence()).contains("said Interior Minister Ali Kaya");
    }

    @Test
    void decomposedAccentsAndFullwidthLettersGetTheSameAssessment() {
        String title = "Car bomb kills 3 in Zürich café";
        String body = "A car bomb exploded outside a café in Zürich on Tuesday, killing three people and wounding 12."
                + " \"This was a cowardly attack,\" said Police Chief René Müller.";
        Assessment plain = assess(title, body);
        Assessment nfd = assess(Normalizer.normalize(title, Normalizer.Form.NFD),
                Normalizer.normalize(body, Normalizer.Form.NFD));
        Assessment fullwidth = assess(fullwidth(title), body);
        for (Assessment other : List.of(nfd, fullwidth)) {
            assertThat(other.topics()).isEqualTo(plain.topics()).isNotEmpty();
            assertThat(other.severity()).isEqualTo(plain.severity());
            assertThat(other.casualties().killed().min()).isEqualTo(3);
            assertThat(other.casualties().injured().min()).isEqualTo(12);
            assertThat(other.reasons()).hasSameSizeAs(plain.reasons());
            assertThat(other.quotes()).hasSameSizeAs(plain.quotes());
        }
        // the decomposed story's reasons quote its own characters, which are the same text once composed
        assertThat(nfd.reasons()).map(r -> Normalizer.normalize(r, Normalizer.Form.NFC))
                .isEqualTo(plain.reasons());
    }

    @Test
    void dottedAndDotlessTurkishCapitalsGetTheSameAssessment() {
        String body = "A car bomb exploded near a police station in %s on Tuesday, killing two officers.";
        Assessment mixed = assess("Car bomb kills 2 in Diyarbakır", body.formatted("Diyarbakır"));
        Assessment capitals = assess("CAR BOMB KILLS 2 IN DİYARBAKIR", body.formatted("DİYARBAKIR"));
        assertThat(capitals.topics()).isEqualTo(mixed.topics()).isNotEmpty();
        assertThat(capitals.severity()).isEqualTo(mixed.severity());
        assertThat(capitals.casualties().killed().min()).isEqualTo(2);
        assertThat(mixed.casualties().killed().min()).isEqualTo(2);
        assertThat(mixed.reasons()).contains("attack: \"car bomb\" in \"Car bomb kills 2 in Diyarbakır\"");
        assertThat(capitals.reasons()).contains("attack: \"car bomb\" in \"CAR BOMB KILLS 2 IN DİYARBAKIR\"");
    }

    @Test
    void evidenceAfterEmojiKeepsWholeWords() {
        Assessment a = assess("🚨 Rockets hit Kyiv 🚨",
                "🚀🚀🚀🚀🚀🚀🚀🚀 Sirens sounded before dawn as a wave of rockets and drones hit the capital, a missile"
                        + " strike destroyed a school 🚀🚀🚀🚀🚀🚀 and officials later said that 4 people were killed.");
        assertThat(a.casualties().killed().min()).isEqualTo(4);
        assertThat(a.reasons()).contains("attack: \"missile strike\" in \"…and drones hit the capital, a missile strike"
                + " destroyed a school 🚀🚀🚀🚀🚀🚀 and officials later…\"");
    }

    /** The ASCII letters and digits of {@code s} as their fullwidth forms (U+FF01 block). */
    private static String fullwidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return b.toString();
    }
}
