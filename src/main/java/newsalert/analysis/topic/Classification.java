package newsalert.analysis.topic;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.story.Topic;

/**
 * The result of {@link TopicClassifier#classify}.
 *
 * @param scores  one score per topic (every topic present)
 * @param reasons matched terms, cancellations and context, each with the sentence (or a window of
 *                at most about 100 characters) it was found in, e.g.
 *                {@code attack: "missile strike" in "A Russian missile strike on Dnipro killed 9."},
 *                {@code negated: "heart attack" in "…"}, {@code attack context: "goal" in "…"},
 *                {@code work title: "Drone Strike Tactics" in "…"}; at most 8 term reasons, strongest
 *                first, then at most 4 others in text order; then, for each topic whose core terms matched
 *                but which was not assigned, the rule that set it aside ({@code diplomacy not counted: score 4.0
 *                is below its threshold 6.0}); then the model's reasons
 * @param setAside attack terms, as written, that {@link TopicFrames} set aside as hypothetical, past,
 *                 a running total or background (they added nothing to the attack score)
 */
public record Classification(Map<Topic, TopicScore> scores, List<String> reasons, List<String> setAside) {
    public Classification {
        scores = Map.copyOf(scores);
        reasons = List.copyOf(reasons);
        setAside = List.copyOf(setAside);
    }

    /**
     * A classification with no attack term set aside.
     *
     * @param scores  as the record
     * @param reasons as the record
     */
    public Classification(Map<Topic, TopicScore> scores, List<String> reasons) {
        this(scores, reasons, List.of());
    }

    /** @return the assigned topics; empty when neither */
    public Set<Topic> topics() {
        Set<Topic> out = EnumSet.noneOf(Topic.class);
        scores.forEach((t, s) -> {
            if (s.assigned()) {
                out.add(t);
            }
        });
        return out;
    }

    /**
     * @param topic a topic
     * @return its score, {@link TopicScore#NONE} if absent
     */
    public TopicScore score(Topic topic) {
        return scores.getOrDefault(topic, TopicScore.NONE);
    }
}
