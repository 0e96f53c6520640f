package newsalert.event;

import java.util.Arrays;
import java.util.Map;

/**
 * A sparse weighted term vector, stored as term hashes in ascending order with their weights, so that
 * a dot product is one merge pass over two arrays (no hashing, no boxing). Terms are told apart by
 * {@link String#hashCode()}: two different terms with the same 32-bit hash (rare) count as one.
 */
final class TermVector {
    static final TermVector EMPTY = new TermVector(new int[0], new double[0]);

    final int[] ids;
    final double[] weights;
    /** Final but for {@link #replaceSameTerms}, which only a sum held by one owner uses. */
    double norm;

    private TermVector(int[] ids, double[] weights) {
        this.ids = ids;
        this.weights = weights;
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        this.norm = Math.sqrt(sum);
    }

    /**
     * @param terms term → weight
     * @return the vector scaled to length 1 (or {@link #EMPTY})
     */
    static TermVector normalised(Map<String, Double> terms) {
        long[] packed = new long[terms.size()];
        double[] raw = new double[terms.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : terms.entrySet()) {
            packed[n] = ((long) e.getKey().hashCode() << 32) | n;
            raw[n] = e.getValue();
            n++;
        }
        Arrays.sort(packed);
        int[] ids = new int[n];
        double[] weights = new double[n];
        int m = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int id = (int) (packed[i] >> 32);
            double w = raw[(int) packed[i]];
            if (m > 0 && ids[m - 1] == id) {
                weights[m - 1] += w;
            } else {
                ids[m] = id;
                weights[m++] = w;
            }
        }
        for (int i = 0; i < m; i++) {
            sum += weights[i] * weights[i];
        }
        if (m == 0 || sum == 0) {
            return EMPTY;
        }
        double norm = Math.sqrt(sum);
        for (int i = 0; i < m; i++) {
            weights[i] /= norm;
        }
        return new TermVector(Arrays.copyOf(ids, m), Arrays.copyOf(weights, m));
    }

    /**
     * @param idf weight per term hash
     * @return this vector with each weight multiplied by {@code idf}, scaled to length 1
     */
    TermVector weighted(java.util.function.IntToDoubleFunction idf) {
        double[] w = new double[ids.length];
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            w[i] = weights[i] * idf.applyAsDouble(ids[i]);
            sum += w[i] * w[i];
        }
        if (sum == 0) {
            return EMPTY;
        }
        double n = Math.sqrt(sum);
        for (int i = 0; i < w.length; i++) {
            w[i] /= n;
        }
        return new TermVector(ids, w);
    }

    /** Above this size ratio, {@link #dot} looks the smaller vector's terms up in the larger one. */
    private static final int GALLOP_RATIO = 8;

    /**
     * @return the dot product of the two vectors. The products of shared terms are added in ascending term
     *         order whichever way the shared terms are found, so the result is the same to the last bit.
     */
    static double dot(TermVector a, TermVector b) {
        if (a.ids.length > GALLOP_RATIO * b.ids.length) {
            return gallopDot(b, a);
        }
        if (b.ids.length > GALLOP_RATIO * a.ids.length) {
            return gallopDot(a, b);
        }
        int i = 0;
        int j = 0;
        double sum = 0;
        int[] x = a.ids;
        int[] y = b.ids;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                sum += a.weights[i++] * b.weights[j++];
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /**
     * The dot product of a short vector with a much longer one (a story with an event's centroid): each of
     * the short one's terms is found in the long one by an exponential then binary search from where the
     * last one was found, O(short × log long) instead of O(short + long).
     */
    private static double gallopDot(TermVector small, TermVector large) {
        return gallopDot(small, large, null, false);
    }

    /**
     * {@link #gallopDot(TermVector, TermVector)}, also recording each shared term in {@code out} (when not
     * null) as (position in the story, position in the centroid); {@code smallIsCentroid} tells which is which.
     */
    private static double gallopDot(TermVector small, TermVector large, TermMatches out, boolean smallIsCentroid) {
        int[] x = small.ids;
        int[] y = large.ids;
        double sum = 0;
        int from = 0;
        for (int i = 0; i < x.length && from < y.length; i++) {
            int id = x[i];
            if (y[from] > id) {
                continue;
            }
            int step = 1;
            int hi = from;
            while (hi < y.length && y[hi] < id) {
                from = hi;
                hi = from + step;
                step <<= 1;
            }
            int k = Arrays.binarySearch(y, from, Math.min(hi + 1, y.length), id);
            if (k >= 0) {
                sum += small.weights[i] * large.weights[k];
                if (out != null) {
                    if (smallIsCentroid) {
                        out.add(k, i);
                    } else {
                        out.add(i, k);
                    }
                }
                from = k + 1;
            } else {
                from = -k - 1;
            }
        }
        return sum;
    }

    /**
     * {@link #dot}{@code (story, centroid)} to the last bit (the same products added in the same order), also
     * recording in {@code out} where each shared term is in both vectors, in ascending term order.
     *
     * @param story    a story's vector
     * @param centroid an event's centroid
     * @param out      cleared, then filled with the shared terms' positions
     * @return the dot product
     */
    static double dotMatching(TermVector story, TermVector centroid, TermMatches out) {
        out.clear(Math.min(story.ids.length, centroid.ids.length));
        if (story.ids.length > GALLOP_RATIO * centroid.ids.length) {
            return gallopDot(centroid, story, out, true);
        }
        if (centroid.ids.length > GALLOP_RATIO * story.ids.length) {
            return gallopDot(story, centroid, out, false);
        }
        int i = 0;
        int j = 0;
        double sum = 0;
        int[] x = story.ids;
        int[] y = centroid.ids;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                out.add(i, j);
                sum += story.weights[i++] * centroid.weights[j++];
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** @return the element-wise sum (not normalised) */
    static TermVector sum(TermVector a, TermVector b) {
        int[] ids = new int[a.ids.length + b.ids.length];
        double[] weights = new double[ids.length];
        int i = 0;
        int j = 0;
        int m = 0;
        while (i < a.ids.length || j < b.ids.length) {
            if (j >= b.ids.length || i < a.ids.length && a.ids[i] < b.ids[j]) {
                ids[m] = a.ids[i];
                weights[m++] = a.weights[i++];
            } else if (i >= a.ids.length || b.ids[j] < a.ids[i]) {
                ids[m] = b.ids[j];
                weights[m++] = b.weights[j++];
            } else {
                ids[m] = a.ids[i];
                weights[m++] = a.weights[i++] + b.weights[j++];
            }
        }
        return new TermVector(Arrays.copyOf(ids, m), Arrays.copyOf(weights, m));
    }

    /**
     * @return {@code total} with {@code out} taken away and {@code in} added (not normalised): a sum of
     *         vectors with one of them replaced. Terms whose weight falls to zero stay, with weight zero
     *         or within rounding of it; they add nothing to a dot product.
     */
    static TermVector replace(TermVector total, TermVector out, TermVector in) {
        if (out == in) {
            return total;
        }
        if (total != EMPTY && total.replaceSameTerms(out, in)) {
            return total;
        }
        double[] negated = new double[out.weights.length];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -out.weights[i];
        }
        return sum(sum(total, new TermVector(out.ids, negated)), in);
    }

    /**
     * Replaces, in place, {@code out}'s weights by {@code in}'s when both hold the same terms and this vector
     * holds them all (a member re-weighted, its text unchanged): O(terms of the member × log terms of this).
     * Only for a sum that no one else holds (an event's centroid, never {@link #EMPTY}).
     *
     * @return whether it did; when false, nothing changed
     */
    private boolean replaceSameTerms(TermVector out, TermVector in) {
        if (out.ids != in.ids && !Arrays.equals(out.ids, in.ids)) {
            return false;
        }
        int[] at = new int[out.ids.length];
        int from = 0;
        for (int i = 0; i < out.ids.length; i++) {
            int k = Arrays.binarySearch(ids, from, ids.length, out.ids[i]);
            if (k < 0) {
                return false;
            }
            at[i] = k;
            from = k + 1;
        }
        for (int i = 0; i < at.length; i++) {
            weights[at[i]] += in.weights[i] - out.weights[i];
        }
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        norm = Math.sqrt(sum);
        return true;
    }

    /** @return how many terms */
    int size() {
        return ids.length;
    }
}
