package newsalert.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Severity from constructed classifications and casualty counts, with the default lexicon's numbers. */
class SeverityScorerTest {
    static final SeverityScorer SCORER = new SeverityScorer(LexiconLoader.loadDefault().severity());

    static TopicScore assigned(double excess, boolean title, boolean notable) {
        return new TopicScore(5 + excess, 5, true, title, notable, excess);
    }

    static Classification of(TopicScore attack, TopicScore diplomacy) {
        return new Classification(Map.of(Topic.ATTACK, attack, Topic.DIPLOMACY, diplomacy), List.of());
    }

    static CasualtyCount count(int n) {
        return n < 0 ? null : CasualtyCount.exact(n);
    }

    /**
     * Attack: 27 base + min(12, 2 x excess) + 10 title + 10 notable (5 without a title hit)
     * + killed min(40, 12 + 10 log10 k) + injured min(12, 4 + 4 log10 n).
     */
    @ParameterizedTest(name = "excess {0}, title {1}, notable {2}, killed {3}, injured {4} -> {5}")
    @CsvSource(textBlock = """
            0,   false, false, -1,   -1,  27
            0,   true,  false, -1,   -1,  37
            3,   true,  true,  -1,   -1,  53
            0,   false, true,  -1,   -1,  32
            0,   false, false,  1,   -1,  39
            0,   false, false, 10,   -1,  49
            0,   false, false, 100,  -1,  59
            0,   false, false, 5000, -1,  67
            0,   false, false, -1,    1,  31
            0,   false, false, -1,  100,  39
            0,   false, false,  0,    0,  27
            3,   true,  false, 19,   48,  79
            40,  true,  true,  5000, 5000, 100
            """)
    void attackSeverity(double excess, boolean title, boolean notable, int killed, int injured, int expected) {
        Casualties cas = new Casualties(count(killed), count(injured), null);
        assertThat(SCORER.score(of(assigned(excess, title, notable), TopicScore.NONE), cas).value())
                .isEqualTo(expected);
    }

    /**
     * Diplomacy: 24 base + min(12, 2 x excess) + 10 title + 10 notable (5 without a title hit);
     * casualties do not count.
     */
    @ParameterizedTest(name = "excess {0}, title {1}, notable {2} -> {3}")
    @CsvSource(textBlock = """
            0,  false, false, 24
            0,  false, true,  29
            2,  true,  false, 38
            4,  true,  false, 42
            6,  true,  true,  56
            30, true,  true,  56
            """)
    void diplomacySeverity(double excess, boolean title, boolean notable, int expected) {
        Casualties cas = new Casualties(CasualtyCount.exact(50), null, null);
        assertThat(SCORER.score(of(TopicScore.NONE, assigned(excess, title, notable)), cas).value())
                .isEqualTo(expected);
    }

    @Test
    void bothTopicsTakeTheLargerPlusABonus() {
        Casualties cas = new Casualties(CasualtyCount.exact(19), CasualtyCount.of(48, Qualifier.AT_LEAST), null);
        SeverityScorer.Severity s = SCORER.score(of(assigned(3, true, false), assigned(6, true, true)), cas);
        assertThat(s.value()).isEqualTo(84); // attack 27+6+10+24.8+10.7 = 79 > diplomacy 56, + 5
        assertThat(s.reasons()).containsExactly("killed 19", "injured at least 48");
    }

    @Test
    void noTopicMeansZeroEvenWithCasualties() {
        Casualties quake = new Casualties(CasualtyCount.exact(300), CasualtyCount.exact(1000), null);
        SeverityScorer.Severity s = SCORER.score(of(TopicScore.NONE, TopicScore.NONE), quake);
        assertThat(s.value()).isZero();
        assertThat(s.reasons()).isEmpty();
    }

    @Test
    void rangeCountsUseTheLowerBound() {
        Casualties range = new Casualties(CasualtyCount.range(10, 1000), null, null);
        SeverityScorer.Severity s = SCORER.score(of(assigned(0, false, false), TopicScore.NONE), range);
        assertThat(s.value()).isEqualTo(49);
        assertThat(s.reasons()).containsExactly("killed 10–1000");
    }

    @Test
    void unassignedTopicScoresAreIgnored() {
        TopicScore weak = new TopicScore(4, 2.5, false, false, true, -1);
        assertThat(SCORER.score(of(weak, weak), Casualties.NONE).value()).isZero();
    }
}
