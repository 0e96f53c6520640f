package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grouper reads words with the shared tokenizer (issue 15 item 7): a place written with the Turkish dotted
 * capital İ, in capitals, in fullwidth letters or with a decomposed accent is the same place and the same word as
 * its plain form, so two outlets' reports of one attack group together whatever form each wrote. Before, "İstanbul"
 * lower-cased into "i" + U+0307 + "stanbul" and was no listed place. Invented stories.
 */
class UnicodeFormsGroupingTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    private static Story story(String id, String source, double hours, String title, String body) {
        return new Story(id, source, title, "https://t.test/" + id, MONDAY.plusSeconds((long) (hours * 3600)), body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Istanbul", "İstanbul", "ISTANBUL", "İSTANBUL", "Ｉｓｔａｎｂｕｌ"})
    void everyFormIsTheListedPlace(String written) {
        StoryFeatures f = StoryFeatures.of(story("a", "Bosphorus Post", 8,
                "Car bomb kills three outside police station in " + written,
                "A car bomb exploded outside a police station in " + written + " on Monday, killing three officers."));
        assertThat(f.places).containsExactly("istanbul");
        assertThat(f.keys()).contains("istanbul").noneMatch(k -> k.contains("\u0307") || k.startsWith("stanbul"));
    }

    @Test
    void wordsAreTheTokenizerWordsWithCapitalsAndSentenceStarts() {
        List<StoryFeatures.Word> words = StoryFeatures.words("İzmir's mayor spoke. Ｏｆｆｉｃｉａｌｓ said: Kyiv’s");
        assertThat(words).containsExactly(
                new StoryFeatures.Word("izmir", true, true),
                new StoryFeatures.Word("mayor", false, false),
                new StoryFeatures.Word("spoke", false, false),
                new StoryFeatures.Word("officials", true, true),
                new StoryFeatures.Word("said", false, false),
                new StoryFeatures.Word("kyiv", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Istanbul", "İstanbul", "ISTANBUL", "Ｉｓｔａｎｂｕｌ"})
    void twoOutletsGroupWhateverFormTheSecondWrites(String written) {
        EventGrouper g = new EventGrouper();
        Story first = story("s1", "Bosphorus Post", 8, "Car bomb kills three outside police station in Istanbul",
                "A car bomb exploded outside a police station in Istanbul on Monday, killing three officers, the"
                        + " governor said.");
        Story second = story("s2", "Anatolia Wire", 9, "Three police officers killed by car bomb in " + written,
                "Three police officers were killed on Monday when a car bomb went off outside their station in "
                        + written + ", the governor said.");
        EventId a = g.add(first, ASSESSOR.assess(first));
        EventId b = g.add(second, ASSESSOR.assess(second));
        assertThat(b).isEqualTo(a);
    }
}
