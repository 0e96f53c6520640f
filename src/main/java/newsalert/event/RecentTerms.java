package newsalert.event;

import java.util.Arrays;
import java.util.List;

/**
 * The term vectors of an event's last few members laid out along the event's centroid: for each of the
 * centroid's terms, the members that hold it and their weights. A story's terms are matched against the
 * centroid once ({@link TermVector#dotMatching}, which also gives the centroid dot product); the members' dot
 * products are then added up from those matches alone, with no second pass over the members' terms
 * ({@link JoinRule#similarity}).
 *
 * <p>Every term of a member is a term of the centroid (the centroid is the sum of all the members' vectors, and
 * a sum keeps every term, even one whose weight falls to zero). Each member's dot product adds the same
 * products in the same (ascending term) order as {@link TermVector#dot} does, so the results are the same to
 * the last bit.
 */
final class RecentTerms {
    /** For centroid term {@code k}: entries {@code start[k]} to {@code start[k + 1] - 1} of {@link #slot}/{@link #weight}. */
    private final int[] start;
    /** Which member (0 = the oldest of the last few) holds the entry. */
    private final int[] slot;
    private final double[] weight;
    private final int members;

    /**
     * @param vectors  the members' vectors, oldest first, at most {@link JoinRule#RECENT_MEMBERS}
     * @param centroid the event's centroid, holding every term of {@code vectors}
     * @throws IllegalArgumentException when a member's term is not in the centroid, or there are too many members
     */
    RecentTerms(List<TermVector> vectors, TermVector centroid) {
        members = vectors.size();
        if (members > JoinRule.RECENT_MEMBERS) {
            throw new IllegalArgumentException("at most " + JoinRule.RECENT_MEMBERS + " members: " + members);
        }
        int[] terms = centroid.ids;
        int[] starts = new int[terms.length + 1];
        int[][] at = new int[members][];
        int total = 0;
        for (int s = 0; s < members; s++) {
            int[] ids = vectors.get(s).ids;
            int[] positions = new int[ids.length];
            int from = 0;
            for (int k = 0; k < ids.length; k++) {
                int p = Arrays.binarySearch(terms, from, terms.length, ids[k]);
                if (p < 0) {
                    throw new IllegalArgumentException("a member's term is not in the centroid: " + ids[k]);
                }
                positions[k] = p;
                starts[p + 1]++;
                from = p + 1;
            }
            at[s] = positions;
            total += ids.length;
        }
        for (int k = 0; k < terms.length; k++) {
            starts[k + 1] += starts[k];
        }
        int[] next = Arrays.copyOf(starts, terms.length);
        slot = new int[total];
        weight = new double[total];
        for (int s = 0; s < members; s++) {
            double[] weights = vectors.get(s).weights;
            int[] positions = at[s];
            for (int k = 0; k < positions.length; k++) {
                int e = next[positions[k]]++;
                slot[e] = s;
                weight[e] = weights[k];
            }
        }
        start = starts;
    }

    /**
     * @param story   a story's vector
     * @param matches its terms shared with the centroid this was built on, as {@link TermVector#dotMatching} left
     *                them (its {@link TermMatches#sums} are overwritten)
     * @return the largest of its dot products with the members, 0 when there are none
     */
    double bestDot(TermVector story, TermMatches matches) {
        double[] sums = matches.sums;
        Arrays.fill(sums, 0, members, 0.0);
        int[] storyAt = matches.story;
        int[] centroidAt = matches.centroid;
        for (int q = 0; q < matches.size; q++) {
            int k = centroidAt[q];
            int to = start[k + 1];
            int e = start[k];
            if (e == to) {
                continue;
            }
            double w = story.weights[storyAt[q]];
            for (; e < to; e++) {
                sums[slot[e]] += w * weight[e];
            }
        }
        double best = 0;
        for (int s = 0; s < members; s++) {
            best = Math.max(best, sums[s]);
        }
        return best;
    }
}
