package newsalert.event;

import java.util.Arrays;
import java.util.List;

/**
 * The term vectors of an event's last few members merged into one sorted list of terms, each with the
 * members that hold it and their weights, so that a story's dot products with all of them take one pass
 * over the story's terms and this list instead of one merge pass per member ({@link JoinRule#similarity}).
 *
 * <p>Each member's dot product adds the same products in the same (ascending term) order as
 * {@link TermVector#dot} does, so the results are the same to the last bit.
 */
final class RecentTerms {
    /** Distinct term hashes of the members, ascending. */
    private final int[] ids;
    /** For term {@code ids[i]}: entries {@code start[i]} to {@code start[i + 1] - 1} of {@link #slot}/{@link #weight}. */
    private final int[] start;
    /** Which member (0 = the oldest of the last few) holds the entry. */
    private final int[] slot;
    private final double[] weight;
    private final int members;

    /**
     * @param vectors the members' vectors, oldest first
     */
    RecentTerms(List<TermVector> vectors) {
        members = vectors.size();
        int total = 0;
        for (TermVector v : vectors) {
            total += v.ids.length;
        }
        // (term hash, member, position) packed so that one sort orders by term, then member
        long[] packed = new long[total];
        int n = 0;
        for (int s = 0; s < vectors.size(); s++) {
            int[] vIds = vectors.get(s).ids;
            for (int k = 0; k < vIds.length; k++) {
                packed[n++] = ((long) vIds[k] << 32) | ((long) s << 24) | k;
            }
        }
        Arrays.sort(packed);
        int[] distinct = new int[total];
        int[] starts = new int[total + 1];
        slot = new int[total];
        weight = new double[total];
        int d = 0;
        for (int i = 0; i < total; i++) {
            int id = (int) (packed[i] >> 32);
            int s = (int) ((packed[i] >>> 24) & 0xFF);
            int k = (int) (packed[i] & 0xFFFFFF);
            if (d == 0 || distinct[d - 1] != id) {
                distinct[d] = id;
                starts[d++] = i;
            }
            slot[i] = s;
            weight[i] = vectors.get(s).weights[k];
        }
        starts[d] = total;
        ids = Arrays.copyOf(distinct, d);
        start = Arrays.copyOf(starts, d + 1);
    }

    /**
     * @param terms a story's vector
     * @return the largest of its dot products with the members, 0 when there are none
     */
    double bestDot(TermVector terms) {
        double[] sums = new double[members];
        int[] x = terms.ids;
        int i = 0;
        int j = 0;
        while (i < x.length && j < ids.length) {
            if (x[i] == ids[j]) {
                double w = terms.weights[i];
                for (int e = start[j]; e < start[j + 1]; e++) {
                    sums[slot[e]] += w * weight[e];
                }
                i++;
                j++;
            } else if (x[i] < ids[j]) {
                i++;
            } else {
                j++;
            }
        }
        double best = 0;
        for (double s : sums) {
            best = Math.max(best, s);
        }
        return best;
    }
}
