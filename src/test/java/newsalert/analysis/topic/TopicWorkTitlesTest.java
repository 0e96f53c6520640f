package newsalert.analysis.topic;

import newsalert.analysis.text.Tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicWorkTitlesTest {

    private static List<String> titles(String text) {
        return WorkTitles.find(text, Tokenizer.tokenizeWithOffsets(text)).stream().map(WorkTitles.Title::text).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Video game 'Drone Strike Tactics' banned in Australia          | Drone Strike Tactics
            Winter's new book, "The Bombing of Dresden", examines the raids | The Bombing of Dresden
            Critics praised the film “Night Raid on Haifa” at Cannes       | Night Raid on Haifa
            Book review: ‘The Siege’ revisits a long winter                | The Siege
            """)
    void quotedTitleAfterAWorkNounIsFound(String text, String title) {
        assertThat(titles(text)).containsExactly(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "We Will Strike Back," the defence minister said on Monday
            Officials blamed the so-called "shadow fleet" for the spill
            The game ended after fans chanted "we want war" in the stands
            The rebels' attack on the soldiers' camp began at dawn
            """)
    void speechScareQuotesAndApostrophesAreNotTitles(String text) {
        assertThat(titles(text)).isEmpty();
    }

    @Test
    void wordsInsideATitleMakeNoTopicAndTheReasonSaysWhy() {
        Classification c = TopicClassifierTest.CLASSIFIER.classify("Video game 'Drone Strike Tactics' banned in Australia",
                "The classification board banned the video game \"Drone Strike Tactics\" on Thursday.");
        assertThat(c.topics()).isEmpty();
        assertThat(c.score(Topic.ATTACK).core()).isZero();
        assertThat(c.reasons()).startsWith("work title: \"Drone Strike Tactics\" in \"Video game 'Drone Strike Tactics'"
                + " banned in Australia\"");
    }
}
