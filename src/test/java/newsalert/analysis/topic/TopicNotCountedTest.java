package newsalert.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * A topic whose terms matched but that was not assigned says which rule set it aside, with the deciding values
 * (issue 16: {@code scan --explain} showed {@code why: diplomacy} under a NO TOPIC story and nothing more).
 */
class TopicNotCountedTest {
    private static final TopicClassifier CLASSIFIER = TopicClassifierTest.CLASSIFIER;

    @Test
    void contextWordsThatPullTheScoreUnderTheThresholdAreNamedWithTheirWeight() {
        Classification c = CLASSIFIER.classify("Chess federation talks with sponsors", "The federation held talks"
                + " with two sponsors about the autumn tournament and prize money for the players.");
        assertThat(c.topics()).isEmpty();
        assertThat(c.reasons()).contains("diplomacy context: \"players\" in \"…federation held talks with two"
                        + " sponsors about the autumn tournament and prize money for the players.\"")
                .endsWith("diplomacy not counted: score 5.5 is below its threshold 6.0 (context words took 2.5 off)");
    }

    @Test
    void aLoneWeakTermIsBelowTheThreshold() {
        Classification c = CLASSIFIER.classify("Village council negotiations over parking", "The council continued"
                + " negotiations with residents about parking near the school on Monday evening.");
        assertThat(c.topics()).isEmpty();
        assertThat(c.reasons()).containsExactly(
                "diplomacy: \"negotiations\" in \"Village council negotiations over parking\"",
                "diplomacy not counted: score 4.0 is below its threshold 6.0");
    }

    @Test
    void pastFightingInACeasefireStoryIsSaidToBeBackground() {
        Classification c = CLASSIFIER.classify("Ceasefire holds as mediators meet", "Mediators met in Doha as the"
                + " ceasefire held; there were reports of clashes near the border last week.");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).contains("attack not counted: background to a ceasefire or summit story (no attack"
                + " term in the title, none of weight 3.0 or more)").noneMatch(r -> r.startsWith("diplomacy not"));
    }

    @Test
    void anAssignedTopicGetsNoSuchReason() {
        Classification c = CLASSIFIER.classify("Ceasefire", "");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).noneMatch(r -> r.contains("not counted"));
    }
}
