package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/** The Wikipedia and AG News evaluators on small fixtures in those formats, with canned answers. */
class RealFormatEvaluatorTest {
    private static Assessment killed(CasualtyCount k, CasualtyCount i) {
        return new Assessment(Set.of(Topic.ATTACK), 60, List.of(), new Casualties(k, i, null), List.of(), true);
    }

    private static Assessment alert(Topic t) {
        return new Assessment(Set.of(t), 55, List.of(), null, List.of(), true);
    }

    @Test
    void wikipediaScoresKilledAndInjuredOverAllAndStatedRows() {
        var answers = Map.of(
                "A car bomb exploded near a market, killing seven people and injuring 12 others.",
                killed(CasualtyCount.exact(7), CasualtyCount.exact(12)),
                "Gunmen attacked a checkpoint. Three soldiers died.", killed(CasualtyCount.exact(2), null));
        EvalReport r = WikipediaEvaluator.evaluate(EvalFixtures.path("wikipedia-mini.jsonl"),
                EvalFixtures.byBody(answers));
        assertThat(r.items()).isEqualTo(4);
        // row 3 (25 dead, no number in the text) is outside "stated"; row 4 is coded 0 and nothing is found
        assertThat(r.ratio("killed.all")).extracting(Ratio::count, Ratio::total).containsExactly(2, 4);
        assertThat(r.ratio("killed.stated")).extracting(Ratio::count, Ratio::total).containsExactly(2, 3);
        assertThat(r.ratio("injured.all")).extracting(Ratio::count, Ratio::total).containsExactly(3, 4);
        assertThat(r.ratio("injured.stated")).extracting(Ratio::count, Ratio::total).containsExactly(3, 3);
        assertThat(r.ratio("killed.stated").misses()).containsExactly(new Miss("line 2", "3", "exact 2"));
        assertThat(r.ratio("killed.all").misses()).containsExactly(
                new Miss("line 2", "3", "exact 2"), new Miss("line 3", "25", "none"));
    }

    @Test
    void wikipediaBadFigureIsNamedWithItsLine() {
        assertThatThrownBy(() -> WikipediaEvaluator.evaluate(EvalFixtures.path("wikipedia-bad.jsonl"), EvalFixtures.byBody(Map.of())))
                .isInstanceOf(EvalInputException.class)
                .hasMessageEndingWith("wikipedia-bad.jsonl:2: 'Dead' is not a whole number: 'unknown'");
    }

    @Test
    void agNewsCountsAlertsPerClassAndListsTheFalseOnes() {
        var answers = Map.of(
                "Rebels shelled the city on Monday, killing nine people.", alert(Topic.ATTACK),
                "A computer virus attacked servers.", alert(Topic.ATTACK),
                "Hostile bid for rival.", alert(Topic.DIPLOMACY));
        EvalReport r = AgNewsEvaluator.evaluate(EvalFixtures.path("ag-mini.csv"), EvalFixtures.byBody(answers));
        assertThat(r.items()).isEqualTo(5);
        assertThat(r.ratio("false-alerts")).extracting(Ratio::count, Ratio::total).containsExactly(2, 4);
        assertThat(r.ratio("false-alerts.sports")).extracting(Ratio::count, Ratio::total).containsExactly(0, 1);
        assertThat(r.ratio("false-alerts.business")).extracting(Ratio::count, Ratio::total).containsExactly(1, 2);
        assertThat(r.ratio("false-alerts.sci-tech")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
        assertThat(r.ratio("alerts.world")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
        assertThat(r.ratio("false-alerts").misses()).containsExactly(
                new Miss("line 4", "no alert (sci-tech)", "alert [attack] severity 55: Virus attack hits servers"),
                new Miss("line 5", "no alert (business)", "alert [diplomacy] severity 55: Takeover bid"));
        assertThat(r.ratio("alerts.world").misses()).isEmpty();
    }

    @Test
    void agNewsBadClassIsNamedWithItsLine() {
        assertThatThrownBy(() -> AgNewsEvaluator.evaluate(EvalFixtures.path("ag-bad.csv"), EvalFixtures.byBody(Map.of())))
                .isInstanceOf(EvalInputException.class)
                .hasMessageEndingWith("ag-bad.csv:2: class must be 1-4: '7'");
    }
}
