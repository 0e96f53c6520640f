package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * The bound on the recent members' dot products ({@link RecentTerms#bound}) that lets
 * {@link JoinRule#similarityOrBelow} refuse a candidate without them: it never falls below the best member dot
 * product, it refuses where the centroid bound cannot, and a candidate it lets through gets the full similarity.
 */
class MemberBoundTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private static TermVector vector(Map<String, Double> terms) {
        return TermVector.normalised(terms);
    }

    /** An event whose members have exactly these term vectors (wording vectors alike). */
    private static EventState event(List<TermVector> vectors) {
        EventState e = new EventState(EventId.fromFirstStory("m0"), Set.of(Topic.ATTACK), 0);
        for (int i = 0; i < vectors.size(); i++) {
            Story s = new Story("m" + i, "Outlet", "Strike on the port", null, T0.plusSeconds(60L * i), "");
            StoryFeatures f = StoryFeatures.of(s);
            f.terms = vectors.get(i);
            f.content = vectors.get(i);
            e.add(new EventState.Member(s, new Assessment(Set.of(Topic.ATTACK), 50, List.of(),
                    new Casualties(null, null, null), List.of(), true), f, s.published()));
        }
        return e;
    }

    private static StoryFeatures story(TermVector terms) {
        StoryFeatures f = StoryFeatures.of(new Story("probe", "Other", "Strike on the port", null, T0, ""));
        f.terms = terms;
        f.content = terms;
        return f;
    }

    /**
     * Three members with the same two terms a and b (0.7071 each): the centroid is (2.121, 2.121) with norm 3. A
     * story of a (1) and c (3), normalised (0.3162, 0.9487), shares only a: its dot product with the centroid is
     * 0.6708, cosine 0.2236, and with each member 0.2236. The centroid bound gives (0.2236 + 0.6708) / 2 = 0.447;
     * the member bound 0.3162 × 0.7071 = 0.2236, so the similarity is at most (0.2236 + 0.2236) / 2 = 0.2236.
     */
    @Test
    void refusesWhereTheCentroidBoundCannotAndNeverWhereTheStoryWouldJoin() {
        TermVector ab = vector(Map.of("a", 1.0, "b", 1.0));
        EventState e = event(List.of(ab, ab, ab));
        StoryFeatures f = story(vector(Map.of("a", 1.0, "c", 3.0)));
        double sim = JoinRule.similarity(f, e);
        assertThat(sim).isCloseTo(0.2236, org.assertj.core.data.Offset.offset(1e-4));
        TermMatches matches = new TermMatches();
        double raw = TermVector.dotMatching(f.terms, e.centroid, matches);
        assertThat(raw).isCloseTo(0.6708, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(e.recentTerms().bound(f.terms, matches)).isCloseTo(0.2236, org.assertj.core.data.Offset.offset(1e-4));

        // need 0.30: the centroid bound (0.447) would compute the member dot products, this one refuses
        assertThat((raw / e.centroid.norm + Math.min(1.0, raw)) / 2).isGreaterThan(0.30);
        assertThat(JoinRule.similarityOrBelow(f, e, 0.30, matches)).isEqualTo(-1.0);
        // need 0.22, just under the similarity: not refused, and the full similarity to the last bit
        assertThat(JoinRule.similarityOrBelow(f, e, 0.22, matches)).isEqualTo(sim);
        // need exactly the similarity: the story would join, so it must not be refused
        assertThat(JoinRule.similarityOrBelow(f, e, sim, matches)).isEqualTo(sim);
    }

    @Test
    void theBoundIsNeverBelowTheBestMemberDotProduct() {
        Random r = new Random(77);
        TermMatches matches = new TermMatches();
        for (int round = 0; round < 400; round++) {
            List<TermVector> vectors = new ArrayList<>();
            for (int i = 1 + r.nextInt(14); i > 0; i--) {
                vectors.add(r.nextInt(12) == 0 ? TermVector.EMPTY : random(r, 3 + r.nextInt(60)));
            }
            EventState e = event(vectors);
            TermVector probe = random(r, 3 + r.nextInt(60));
            TermVector.dotMatching(probe, e.centroid, matches);
            double bound = e.recentTerms().bound(probe, matches);
            double best = e.recentTerms().bestDot(probe, matches);
            assertThat(bound).isGreaterThanOrEqualTo(best);
            // and a need one ulp above the similarity is the only kind of need that may be refused
            StoryFeatures f = story(probe);
            double sim = JoinRule.similarity(f, e);
            if (e.centroid.norm > 0) {
                assertThat(JoinRule.similarityOrBelow(f, e, sim, matches)).isEqualTo(sim);
                assertThat(JoinRule.similarityOrBelow(f, e, Math.nextUp(sim), matches)).isLessThan(Math.nextUp(sim));
            }
        }
    }

    private static TermVector random(Random r, int terms) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < terms; i++) {
            m.put("t" + r.nextInt(300), 0.5 + r.nextInt(5) * 0.5);
        }
        return TermVector.normalised(m);
    }
}
