package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hashed term look-up of issue 13 (perf13c): {@link TermIndex} finds every term of the array it indexes
 * and nothing else, and {@link TermVector#dotByLookup} gives the merge pass's dot product to the last bit,
 * also after an event's centroid had a member's weights replaced in place.
 */
class TermIndexTest {

    /** The reference: one merge pass over both arrays, products added in ascending term order. */
    private static double mergeDot(TermVector a, TermVector b) {
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < a.ids.length && j < b.ids.length) {
            if (a.ids[i] == b.ids[j]) {
                sum += a.weights[i++] * b.weights[j++];
            } else if (a.ids[i] < b.ids[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    private static TermVector vector(Random r, int terms, int vocabulary) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < terms; i++) {
            m.put("w" + r.nextInt(vocabulary), 0.25 + r.nextInt(8) * 0.25);
        }
        return TermVector.normalised(m);
    }

    @Test
    void findsEveryIndexedTermAtItsPositionAndNoOther() {
        Random r = new Random(21);
        for (int round = 0; round < 200; round++) {
            Set<Integer> distinct = new HashSet<>();
            boolean crowded = round % 4 == 0;
            int n = r.nextInt(crowded ? 60 : 300);
            while (distinct.size() < n) {
                // whole int range, negative hashes and 0 included; one round in four: hashes that differ in
                // their high bits only
                distinct.add(crowded ? r.nextInt(64) << 26 : r.nextInt());
            }
            distinct.add(0);
            int[] ids = distinct.stream().mapToInt(Integer::intValue).sorted().toArray();
            TermIndex index = new TermIndex(ids);
            for (int p = 0; p < ids.length; p++) {
                assertThat(index.find(ids[p])).isEqualTo(p);
            }
            for (int k = 0; k < 500; k++) {
                int probe = r.nextInt();
                assertThat(index.find(probe)).isEqualTo(Arrays.binarySearch(ids, probe) >= 0
                        ? Arrays.binarySearch(ids, probe) : -1);
            }
        }
        assertThat(new TermIndex(new int[0]).find(0)).isEqualTo(-1);
        assertThat(new TermIndex(new int[] {Integer.MIN_VALUE, -1, Integer.MAX_VALUE}).find(-1)).isEqualTo(1);
    }

    @Test
    void dotByLookupGivesTheMergeDotToTheLastBit() {
        Random r = new Random(5);
        for (int round = 0; round < 1_000; round++) {
            TermVector story = vector(r, 1 + r.nextInt(60), 2_000);
            // shorter than, as long as, and much longer than the story: the look-up and the merge both taken
            TermVector other = vector(r, 1 + r.nextInt(round % 3 == 0 ? 40 : 1_500), 2_000);
            assertThat(other.dotByLookup(story)).isEqualTo(mergeDot(story, other));
            assertThat(other.dotByLookup(story)).isEqualTo(TermVector.dot(story, other));
        }
        assertThat(TermVector.EMPTY.dotByLookup(vector(r, 10, 50))).isEqualTo(0.0);
        assertThat(vector(r, 400, 800).dotByLookup(TermVector.EMPTY)).isEqualTo(0.0);
    }

    @Test
    void aCentroidRevisedInPlaceIsStillLookedUpRight() {
        Random r = new Random(34);
        for (int round = 0; round < 100; round++) {
            TermVector member = vector(r, 20 + r.nextInt(30), 500);
            TermVector centroid = TermVector.sum(TermVector.EMPTY, member);
            for (int i = 0; i < 6; i++) {
                centroid = TermVector.sum(centroid, vector(r, 20 + r.nextInt(30), 500));
            }
            TermVector story = vector(r, 10 + r.nextInt(20), 500);
            centroid.dotByLookup(story); // builds the index before the revision
            // the member re-weighted, its terms unchanged: the centroid's weights change in place
            TermVector reweighted = member.weighted(id -> 1.0 + (id & 7));
            TermVector revised = TermVector.replace(centroid, member, reweighted);
            assertThat(revised).isSameAs(centroid);
            assertThat(revised.dotByLookup(story)).isEqualTo(mergeDot(story, revised));
        }
    }
}
