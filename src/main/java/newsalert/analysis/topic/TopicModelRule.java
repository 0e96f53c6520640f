package newsalert.analysis.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsalert.story.Topic;

/**
 * When the {@link TopicModel} may overrule the lexicon rules: per topic, a probability at or above which a
 * topic the rules did not give is added, and one at or below which a topic the rules gave is taken away. Read
 * from {@value #RESOURCE}; an {@code add} above 1 or a {@code veto} below 0 turns that direction off.
 *
 * @param add  topic → the least probability that adds it
 * @param veto topic → the greatest probability that takes it away
 */
public record TopicModelRule(Map<Topic, Double> add, Map<Topic, Double> veto) {
    /** The classpath resource holding the thresholds. */
    public static final String RESOURCE = "newsalert/topic-model.yml";
    /** Never overrules the rules. */
    public static final TopicModelRule OFF = of(2, -1);

    public TopicModelRule {
        add = Map.copyOf(add);
        veto = Map.copyOf(veto);
    }

    /**
     * @param add  the same add threshold for every topic
     * @param veto the same veto threshold for every topic
     * @return the rule
     */
    public static TopicModelRule of(double add, double veto) {
        Map<Topic, Double> a = new EnumMap<>(Topic.class);
        Map<Topic, Double> v = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) {
            a.put(t, add);
            v.put(t, veto);
        }
        return new TopicModelRule(a, v);
    }

    /**
     * @return the thresholds of {@value #RESOURCE}
     * @throws IllegalStateException when the resource is missing, or a topic or threshold is missing or not a
     *                               number (the message names the resource and the key)
     */
    public static TopicModelRule shipped() {
        try (InputStream in = TopicModelRule.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + ": not found on the classpath");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<Topic, Double> a = new EnumMap<>(Topic.class);
            Map<Topic, Double> v = new EnumMap<>(Topic.class);
            for (Topic t : Topic.values()) {
                String name = t.name().toLowerCase(Locale.ROOT);
                a.put(t, number(root, name, "add"));
                v.put(t, number(root, name, "veto"));
            }
            return new TopicModelRule(a, v);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode root, String topic, String key) {
        JsonNode n = root == null ? null : root.path(topic).get(key);
        if (n == null || !n.isNumber()) {
            throw new IllegalStateException(RESOURCE + ": " + topic + "." + key + " must be a number");
        }
        return n.asDouble();
    }

    /**
     * Applies the rule to one topic.
     *
     * @param topic    the topic
     * @param byRules  whether the lexicon rules gave it
     * @param mayAdd   whether the rules found nothing against the topic (no context word, no negation, no attack
     *                 term set aside by a frame): the model adds a topic only then, so it never overrules what
     *                 the rules read in a clause
     * @param probability the model's probability of the topic for the story
     * @param explain  the model's score with its strongest features, asked for only when the decision changes
     * @param reasons  where a change is explained ({@code attack (model): probability 0.93 — "killed" +1.42 …}
     *                 or {@code attack set aside (model): probability 0.03 — …})
     * @return whether the story gets the topic
     */
    boolean decide(Topic topic, boolean byRules, boolean mayAdd, double probability,
                   java.util.function.Supplier<TopicModel.Score> explain, List<String> reasons) {
        double p = probability;
        String name = topic.name().toLowerCase(Locale.ROOT);
        if (!byRules && mayAdd && p >= add.get(topic)) {
            reasons.add(name + " (model): probability " + format(p) + features(explain.get()));
            return true;
        }
        if (byRules && p <= veto.get(topic)) {
            reasons.add(name + " set aside (model): probability " + format(p) + features(explain.get()));
            return false;
        }
        return byRules;
    }

    private static String format(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }

    private static String features(TopicModel.Score score) {
        return score.strongest().isEmpty() ? "" : " — " + String.join(", ", new ArrayList<>(score.strongest()));
    }
}
