package newsalert.event;

import java.util.Arrays;

/**
 * The terms a story shares with an event's centroid, as found by {@link TermVector#dotMatching}: for each shared
 * term, in ascending term order, its position in the story's vector and in the centroid's. {@link RecentTerms}
 * reads the event's recent members' weights through the centroid positions, so the story's terms are matched
 * once per candidate event instead of once for the centroid and once more for the members.
 *
 * <p>A scratch buffer reused from one candidate to the next (one per {@link JoinRule}); not thread-safe, like
 * the grouper that owns it.
 */
final class TermMatches {
    /** Position of the i-th shared term in the story's vector. */
    int[] story = new int[64];
    /** Position of the i-th shared term in the centroid. */
    int[] centroid = new int[64];
    /** How many shared terms were found. */
    int size;
    /** Per recent member, the dot product being added up ({@link RecentTerms#bestDot}). */
    final double[] sums = new double[JoinRule.RECENT_MEMBERS];

    /** Forgets the last matches and makes room for up to {@code capacity} of them. */
    void clear(int capacity) {
        size = 0;
        if (story.length < capacity) {
            story = Arrays.copyOf(story, capacity);
            centroid = Arrays.copyOf(centroid, capacity);
        }
    }

    /** Records a shared term (capacity was set by {@link #clear}). */
    void add(int storyPos, int centroidPos) {
        story[size] = storyPos;
        centroid[size++] = centroidPos;
    }
}
