package newsalert.analysis.topic;

import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.analysis.text.Tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TopicFrames}: which clause frames set an attack term aside, and which keep it. */
class TopicFramesTest {
    private static final TopicClassifier CLASSIFIER = TopicClassifierTest.CLASSIFIER;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Officials say police thwarted bomb attacks on the airport    | hypothetical  | bomb attacks",
            "Extremist attacks possible this winter, agency warns         | hypothetical  | attacks",
            "Ministry buys artillery shells for reserve units             | supplied      | artillery shells",
            "Gunman from 2017 synagogue massacre sentenced to life        | past          | massacre",
            "Court hears of last month's attack on depot                  | past          | attack",
            "Kyiv says 7,500 soldiers killed since Russia began the war   | running total | soldiers killed",
            "Gun maker shares climb after mall shooting                   | background    | shooting",
            "Fares rise amid continued attacks on shipping                | background    | attacks",
    })
    void setsTheTermAside(String title, String frame, String term) {
        Classification c = CLASSIFIER.classify(title, "");
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("attack set aside (" + frame + "): \"" + term + "\""));
        assertThat(c.setAside()).isNotEmpty();
        assertThat(c.topics()).doesNotContain(Topic.ATTACK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Six dead after gunman opens fire at bus depot",
            "Lisbon summons envoy after rocket strike on aid convoy",
            "Suicide bomber kills 12 at market in Kabul",
    })
    void keepsAnAttackReportedNow(String title) {
        Classification c = CLASSIFIER.classify(title, "");
        assertThat(c.setAside()).as("reasons %s", c.reasons()).isEmpty();
        assertThat(c.topics()).contains(Topic.ATTACK);
    }

    @Test
    void clauseBreaksStopAtCommasButNotAtAbbreviations() {
        String text = "U.S. says after talks, troops left";
        Tokenizer.Tokens t = Tokenizer.tokenizeWithOffsets(text);
        assertThat(TopicFrames.sentenceBreak(text, t, 2)).isFalse(); // "U.S. says"
        assertThat(TopicFrames.clauseBreak(text, t, 5)).isTrue(); // "talks, troops"
        assertThat(TopicFrames.clauseBreak(text, t, 4)).isFalse(); // "after talks"
    }

    @Test
    void tollOfAnAttackTheStoryLooksBackOnIsDropped() {
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        Assessment a = assessor.assess(new Story("t", "test", "Arrest made in deadly shooting at riverside concert",
                "https://example.test/a", java.time.Instant.EPOCH,
                "A 31-year-old man faces two murder charges over Friday's shooting that left two people dead."));
        assertThat(a.topics()).isEmpty();
        assertThat(a.casualties().killed()).isNull();
        assertThat(a.alert()).isFalse();
    }
}
