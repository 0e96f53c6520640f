package newsalert.analysis.topic;

/**
 * How strongly one story matched one topic.
 *
 * @param score    core + support − context (+ the casualty boost for attack); compared with the
 *                 topic's threshold
 * @param core     sum of the distinct core terms' weights, title hits multiplied by the title weight
 * @param assigned whether the topic was assigned: {@code core > 0 && score >= threshold} and enough
 *                 evidence (see {@link TopicClassifier})
 * @param inTitle  whether a core term occurred in the title
 * @param notable  whether a notable phrase (summit, Security Council, suicide bombing…) occurred
 * @param excess   {@code score − threshold}, the margin by which the topic cleared its threshold
 *                 (negative when not assigned)
 */
public record TopicScore(double score, double core, boolean assigned, boolean inTitle, boolean notable, double excess) {
    /** A topic with no match at all. */
    public static final TopicScore NONE = new TopicScore(0, 0, false, false, false, 0);
}
