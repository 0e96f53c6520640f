package newsalert.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.story.Topic;

/**
 * The result of {@link TopicClassifier#classify}.
 *
 * @param scores  one score per topic (every topic present)
 * @param reasons matched terms and cancellations, e.g. {@code attack: "missile strike"},
 *                {@code negated: "heart attack"}, {@code attack context: "goal"}
 */
public record Classification(Map<Topic, TopicScore> scores, List<String> reasons) {
    public Classification {
        scores = Map.copyOf(scores);
        reasons = List.copyOf(reasons);
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
